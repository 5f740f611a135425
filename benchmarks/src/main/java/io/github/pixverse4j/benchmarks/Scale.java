package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.internal.PollTuning;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;

/**
 * N concurrent {@code generate()} streams against one simulator (in its own JVM) on loopback, next
 * to a thread-per-task blocking poller doing the same work.
 */
final class Scale {
  private Scale() {}

  static final Duration POLL = Duration.ofMillis(250);

  /** Tasks of the long variant, {@code -Dbench.args=streams100k}. */
  static final int LONG_RUN_TASKS = 100_000;

  /** How long a completion run may take; tasks still running then count as errors. */
  static volatile Duration completionTimeout = Duration.ofMinutes(10);

  static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat smiles")
        .build();
  }

  static VideoClient client(RemoteSimulator sim, OkHttpClient http) {
    return client(sim, http, null);
  }

  /**
   * {@link #client(RemoteSimulator, OkHttpClient)} built with {@code listener} (when not null), so
   * that its HTTP hook is installed: its listeners hear each HTTP call.
   */
  static VideoClient client(
      RemoteSimulator sim,
      OkHttpClient http,
      io.github.pixverse4j.client.VideoEventListener.Factory listener) {
    PollingPolicy policy =
        PollingPolicy.builder()
            .initialDelay(POLL)
            .interval(POLL)
            .maxInterval(POLL)
            .minInterval(POLL)
            .jitter(0.2)
            .retryDelay(POLL)
            .deadline(Duration.ofMinutes(10))
            .tuning(PollTuning.builder().useProviderHints(false).build())
            .build();
    ClientConfig.Builder config =
        ClientConfig.builder()
            .apiKey(sim.key)
            .baseUrl(sim.baseUrl)
            .httpClient(http)
            .pollingPolicy(policy);
    if (listener != null) config.addEventListenerFactory(listener);
    return VideoProviderFactory.find("gmi").orElseThrow().create(config.build());
  }

  static Map<String, Object> ours(RemoteSimulator sim, int n) throws Exception {
    return ours(sim, n, null);
  }

  /**
   * {@link #ours(RemoteSimulator, int)}, with every task recorded in a file journal in {@code
   * journalDir} when it is not null.
   */
  static Map<String, Object> ours(RemoteSimulator sim, int n, java.nio.file.Path journalDir)
      throws Exception {
    return ours(sim, n, journalDir, null, null);
  }

  /**
   * {@link #ours(RemoteSimulator, int, java.nio.file.Path)} with the client changed by {@code
   * attach} (an event listener, when not null), reported as client {@code label}.
   */
  static Map<String, Object> ours(
      RemoteSimulator sim,
      int n,
      java.nio.file.Path journalDir,
      String label,
      java.util.function.UnaryOperator<VideoClient> attach)
      throws Exception {
    return ours(sim, n, journalDir, label, attach, null);
  }

  /**
   * {@link #ours(RemoteSimulator, int, java.nio.file.Path, String,
   * java.util.function.UnaryOperator)} with the client built with {@code listener} (when not null):
   * its HTTP calls are heard too.
   */
  static Map<String, Object> ours(
      RemoteSimulator sim,
      int n,
      java.nio.file.Path journalDir,
      String label,
      java.util.function.UnaryOperator<VideoClient> attach,
      io.github.pixverse4j.client.VideoEventListener.Factory listener)
      throws Exception {
    // Counts the calls that found their connection's socket closed before writing ("Socket is
    // closed" at OkHttp's RealConnection.newCodec): the precondition of issue 27's storm. Each
    // such connection is retired by the client; before that, one of them failed every later call.
    AtomicInteger socketClosed = new AtomicInteger();
    OkHttpClient http =
        HttpClients.newDefault()
            .newBuilder()
            .eventListener(
                new okhttp3.EventListener() {
                  @Override
                  public void callFailed(okhttp3.Call call, java.io.IOException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                      if (t instanceof java.net.SocketException
                          && "Socket is closed".equals(t.getMessage())) {
                        socketClosed.incrementAndGet();
                        return;
                      }
                    }
                  }
                })
            .build();
    io.github.pixverse4j.client.journal.FileTaskJournal journal =
        journalDir == null
            ? null
            : io.github.pixverse4j.client.journal.TaskJournal.file(journalDir);
    VideoClient plain =
        journal == null
            ? client(sim, http, listener)
            : client(sim, http, listener).withJournal(journal);
    VideoClient client = attach == null ? plain : attach.apply(plain);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    // Warm up: load classes, fill the connection pool and JIT the hot paths before measuring.
    sim.command("reset");
    client
        .awaitVideos(request())
        .ignoreElement()
        .mergeWith(
            io.reactivex.rxjava3.core.Observable.range(0, 300)
                .flatMapCompletable(i -> client.awaitVideos(request()).ignoreElement()))
        .blockingAwait();

    // 1. Heap retained per in-flight task: the slope between N/2 and N tasks that never finish,
    //    so that fixed costs (connection pool, buffers, classes) do not count per task.
    sim.command("reset");
    sim.command("lifecycle endless");
    CompositeDisposable running = new CompositeDisposable();
    AtomicInteger queued = new AtomicInteger();
    long half = 0;
    for (int i = 0; i < n; i++) {
      running.add(
          client
              .generate(request())
              .subscribe(
                  s -> {
                    if (s.state() == TaskState.QUEUED && s.queuePosition().isEmpty())
                      queued.incrementAndGet();
                  },
                  e -> {}));
      if (i == n / 2 - 1) half = settleAndMeasure(queued, n / 2, memory);
    }
    long full = settleAndMeasure(queued, n, memory);
    running.dispose();
    double perTask = (full - half) / (double) (n - n / 2);

    // 2. Completion run: N tasks of a few status reads each.
    sim.command("reset");
    threads.resetPeakThreadCount();
    int threadsBefore = threads.getThreadCount();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<Throwable> firstError =
        new java.util.concurrent.atomic.AtomicReference<>();
    CountDownLatch done = new CountDownLatch(n);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      client
          .generate(request())
          .subscribe(
              s -> {
                if (s.state() == TaskState.SUCCEEDED) ok.incrementAndGet();
              },
              e -> {
                if (firstError.compareAndSet(null, e)) {
                  System.err.println("first error of the run (of " + n + " tasks):");
                  e.printStackTrace();
                }
                errors.incrementAndGet();
                done.countDown();
              },
              done::countDown);
    }
    boolean finished = done.await(completionTimeout.toMillis(), TimeUnit.MILLISECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    String stats = sim.command("stats");
    long polls = Long.parseLong(stats.replaceAll(".*status=(\\d+).*", "$1"));
    if (Boolean.getBoolean("bench.threadNames")) {
      java.util.Map<String, Integer> names = new java.util.TreeMap<>();
      for (Thread t : Thread.getAllStackTraces().keySet())
        names.merge(t.getName().replaceAll("\\d+", "#"), 1, Integer::sum);
      System.out.println("threads: " + names);
    }

    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "client",
        label != null ? label : journal == null ? "pixverse4j" : "pixverse4j + file journal");
    m.put("n", n);
    m.put("wallS", PollingEfficiency.round(seconds));
    m.put("completed", ok.get());
    m.put("errors", errors.get() + (finished ? 0 : n - (int) (n - done.getCount())));
    m.put("peakThreads", threads.getPeakThreadCount());
    m.put("threadsAtStart", threadsBefore);
    m.put("heapPerInFlightTaskBytes", Math.round(perTask));
    m.put("liveHeapWithNInFlightMiB", full >> 20);
    m.put("pollsPerS", Math.round(polls / seconds));
    m.put("socketClosedCalls", socketClosed.get());
    if (journal != null) {
      m.put("journalBytes", java.nio.file.Files.size(journal.file()));
      journal.close();
    } else if (journalDir == null && !m.containsKey("journalBytes")) {
      m.put("journalBytes", null);
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    return m;
  }

  /** The way many SDKs poll: one thread per task, synchronous calls and Thread.sleep. */
  static Map<String, Object> threadPerTask(RemoteSimulator sim, int n) throws Exception {
    sim.command("reset");
    OkHttpClient http = new OkHttpClient.Builder().build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    threads.resetPeakThreadCount();
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    Thread[] workers = new Thread[n];
    String submitJson =
        "{\"model\":\"pixverse-v6-i2v\",\"payload\":{\"prompt\":\"the cat smiles\","
            + "\"image\":\"https://example.com/cat.png\",\"duration\":5,\"quality\":\"540p\"}}";
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    try {
      for (int i = 0; i < n; i++) {
        workers[i] =
            new Thread(
                () -> {
                  try {
                    okhttp3.Request submit =
                        new okhttp3.Request.Builder()
                            .url(sim.baseUrl + "/requests")
                            .header("Authorization", "Bearer " + sim.key)
                            .post(
                                okhttp3.RequestBody.create(
                                    okhttp3.MediaType.get("application/json"), submitJson))
                            .build();
                    String id;
                    try (okhttp3.Response r = http.newCall(submit).execute()) {
                      id = json.readTree(r.body().string()).get("request_id").asText();
                    }
                    while (true) {
                      Thread.sleep(POLL.toMillis());
                      okhttp3.Request status =
                          new okhttp3.Request.Builder()
                              .url(sim.baseUrl + "/requests/" + id)
                              .header("Authorization", "Bearer " + sim.key)
                              .build();
                      try (okhttp3.Response r = http.newCall(status).execute()) {
                        String s = json.readTree(r.body().string()).get("status").asText();
                        if (s.equals("success")) {
                          ok.incrementAndGet();
                          return;
                        }
                        if (s.equals("failed") || s.equals("cancelled"))
                          throw new IllegalStateException(s);
                      }
                    }
                  } catch (Exception | OutOfMemoryError e) {
                    errors.incrementAndGet();
                  }
                });
        workers[i].start();
      }
      for (Thread t : workers) if (t != null) t.join(TimeUnit.MINUTES.toMillis(10));
    } catch (OutOfMemoryError e) {
      errors.incrementAndGet();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String stats = sim.command("stats");
    long polls = Long.parseLong(stats.replaceAll(".*status=(\\d+).*", "$1"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("client", "thread per task (baseline)");
    m.put("n", n);
    m.put("wallS", PollingEfficiency.round(seconds));
    m.put("completed", ok.get());
    m.put("errors", errors.get());
    m.put("peakThreads", threads.getPeakThreadCount());
    m.put("threadsAtStart", null);
    m.put("heapPerInFlightTaskBytes", null);
    m.put("pollsPerS", Math.round(polls / seconds));
    http.dispatcher().executorService().shutdown();
    return m;
  }

  /** Waits until {@code count} tasks are accepted and polling, then measures the live heap. */
  static long settleAndMeasure(AtomicInteger queued, int count, MemoryMXBean memory)
      throws InterruptedException {
    // 120 s, or 3 ms per task for the 100,000-task run (its submits alone take a minute or more).
    long waitUntil =
        System.nanoTime() + Math.max(TimeUnit.SECONDS.toNanos(120), count * 3_000_000L);
    while (queued.get() < count && System.nanoTime() < waitUntil) Thread.sleep(20);
    Thread.sleep(POLL.toMillis() * 4);
    // Calls in flight hold buffers for a moment; the least of a few readings is the retained heap.
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) least = Math.min(least, usedAfterGc(memory));
    return least;
  }

  static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
