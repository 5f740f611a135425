package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.batch.BatchEvent;
import io.github.pixverse4j.client.batch.BatchItem;
import io.github.pixverse4j.client.batch.BatchRunner;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.internal.PollTuning;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Flowable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch of N items through {@link BatchRunner} against the GMI simulator in its own JVM with a
 * concurrency limit: wall time against the ideal (items × job time ÷ limit), peak threads, heap
 * after a full GC once 1,000, 10,000 and 100,000 items have ended, and submits against items. Each
 * job runs {@code bench.batch.jobMillis} by the simulator's clock; the runner may have up to twice
 * the limit in flight, so it must find the limit itself. Items are generated lazily; the client
 * records into a file journal (as the CLI does); videos are not downloaded.
 */
final class BatchBench {
  private BatchBench() {}

  static final int LIMIT = Integer.getInteger("bench.batch.limit", 500);
  static final long JOB_MILLIS = Long.getLong("bench.batch.jobMillis", 2000);
  static final long POLL_MILLIS = Long.getLong("bench.batch.pollMillis", 100);

  static Map<String, Object> run(RemoteSimulator sim, int items) throws Exception {
    sim.command("reset");
    sim.command("limit " + LIMIT);
    sim.command("lifecycle timed " + JOB_MILLIS);
    Duration poll = Duration.ofMillis(POLL_MILLIS);
    PollingPolicy policy =
        PollingPolicy.builder()
            // The first poll when the job should be done (a provider's ETA would say so), then
            // every poll interval: the benchmark measures the runner, not the poll schedule.
            .initialDelay(Duration.ofMillis(JOB_MILLIS + 50))
            .interval(poll)
            .maxInterval(poll)
            .minInterval(poll)
            .jitter(0)
            .retryDelay(poll)
            .maxRetryAfter(Duration.ofSeconds(1))
            .deadline(Duration.ofMinutes(10))
            .tuning(PollTuning.builder().useProviderHints(false).build())
            .build();
    Path journalDir = Files.createTempDirectory("batch-bench-journal");
    VideoClient client =
        VideoProviderFactory.find("gmi")
            .orElseThrow()
            .create(
                ClientConfig.builder()
                    .apiKey(sim.key)
                    .baseUrl(sim.baseUrl)
                    .httpClient(HttpClients.newDefault())
                    .pollingPolicy(policy)
                    .journal(TaskJournal.file(journalDir))
                    .build());
    BatchRunner runner =
        BatchRunner.builder(client, "bench-" + items)
            .maxConcurrency(2 * LIMIT)
            .expectedItems(items)
            .build();
    AtomicInteger peakThreads = new AtomicInteger();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peakThreads.accumulateAndGet(
                    ManagementFactory.getThreadMXBean().getThreadCount(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "thread-sampler");
    sampler.setDaemon(true);
    sampler.start();
    Map<String, Object> heap = new LinkedHashMap<>();
    for (String n : new String[] {"1000", "10000", "100000"}) heap.put("heapMiB@" + n, "-");
    AtomicLong delivered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    runner
        .run(Flowable.range(1, items).map(i -> BatchItem.of("item-" + i, Scale.request())))
        .blockingSubscribe(
            (BatchEvent e) -> {
              if (!e.item().isPresent()) return;
              if (e.item().get().outcome().isDelivered()) delivered.incrementAndGet();
              else failed.incrementAndGet();
              long ended = e.progress().ended();
              if (ended == 1_000 || ended == 10_000 || ended == 100_000) {
                heap.put("heapMiB@" + ended, usedHeapAfterGc());
              }
            });
    double wall = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    double ideal = items * (JOB_MILLIS / 1000.0) / LIMIT;
    String stats = sim.command("stats");
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("items", items);
    row.put("limit", LIMIT);
    row.put("jobSeconds", JOB_MILLIS / 1000.0);
    row.put("pollMs", POLL_MILLIS);
    row.put("wallSeconds", Math.round(wall * 10) / 10.0);
    row.put("idealSeconds", Math.round(ideal * 10) / 10.0);
    row.put("idealOverWall", Math.round(ideal / wall * 1000) / 1000.0);
    row.put("delivered", delivered.get());
    row.put("failed", failed.get());
    row.put("simulator", stats);
    row.put("peakThreads", peakThreads.get());
    row.putAll(heap);
    return row;
  }

  private static double usedHeapAfterGc() {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return Math.round(used / 1024.0 / 1024.0 * 10) / 10.0;
  }
}
