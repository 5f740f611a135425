package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoEventListener;
import io.github.pixverse4j.micrometer.VideoMetrics;
import io.github.pixverse4j.opentelemetry.VideoTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The 10,000-task scale run with nothing attached, with a listener that does nothing (the cost of
 * the event SPI itself), with {@code pixverse4j-micrometer} recording into a {@code
 * SimpleMeterRegistry} and with {@code pixverse4j-opentelemetry} (built into the client, so its
 * HTTP spans too) into an SDK that batches to an exporter dropping the spans, in turns within each
 * round ({@code -Dbench.rounds}, default 5), side by side; medians as in {@link JournalBench}.
 * Target (issue 29): at most 3 % of wall time.
 */
final class ObserveBench {
  static final int TASKS = JournalBench.TASKS;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  private ObserveBench() {}

  private static final class Variant {
    final String name;
    final UnaryOperator<VideoClient> attach;

    /** Registered on the client's builder, so that it also hears the HTTP calls; or null. */
    final VideoEventListener.Factory built;

    final List<Map<String, Object>> runs = new ArrayList<>();

    Variant(String name, UnaryOperator<VideoClient> attach) {
      this(name, attach, null);
    }

    Variant(String name, UnaryOperator<VideoClient> attach, VideoEventListener.Factory built) {
      this.name = name;
      this.attach = attach;
      this.built = built;
    }
  }

  /** An SDK that records every span and hands it, batched, to an exporter that drops it. */
  private static OpenTelemetry tracing() {
    SpanExporter drop =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(drop).build())
                .build())
        .build();
  }

  private static List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("pixverse4j", null));
    VideoEventListener noop = new VideoEventListener() {};
    variants.add(new Variant("+ no-op listener", c -> c.withEventListener(operation -> noop)));
    variants.add(
        new Variant(
            "+ micrometer", c -> c.withEventListener(VideoMetrics.of(new SimpleMeterRegistry()))));
    // Built with the listener: operation spans and a span per HTTP call, batched to an exporter
    // that drops them (the SDK's work without the network's).
    variants.add(new Variant("+ opentelemetry", null, VideoTracing.create(tracing())));
    return variants;
  }

  /**
   * The engine's CPU time for the polling benchmark's corpus ({@link PollingEfficiency#JOBS} jobs,
   * default policy, virtual time, one thread) with each variant, in turns, {@link #ROUNDS} rounds
   * after one to warm up: a thread's CPU time depends far less than wall time on what else runs on
   * the machine.
   */
  static Map<String, Object> cpu() {
    List<Variant> variants = variants();
    double[] corpus = PollingEfficiency.corpus();
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    List<List<Double>> ms = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) ms.add(new ArrayList<>());
    for (int round = -1; round < ROUNDS; round++) {
      for (int k = 0; k < variants.size(); k++) {
        int i = (Math.max(round, 0) + k) % variants.size();
        Variant v = variants.get(i);
        long start = threads.getCurrentThreadCpuTime();
        PollingEfficiency.run(
            v.name,
            PollingEfficiency.ours(),
            PollingEfficiency.Hints.NONE,
            corpus,
            // No HTTP here: a listener meant for the builder is attached to the client.
            v.attach != null
                ? v.attach
                : v.built != null ? c -> c.withEventListener(v.built) : c -> c);
        double took = (threads.getCurrentThreadCpuTime() - start) / 1e6;
        if (round >= 0) ms.get(i).add(PollingEfficiency.round(took));
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jobs", corpus.length);
    double base = medianOf(ms.get(0));
    for (int i = 0; i < variants.size(); i++) {
      double med = medianOf(ms.get(i));
      m.put(variants.get(i).name + " cpuMs", med);
      if (i > 0) m.put(variants.get(i).name + " %", JournalBench.percent(med, base));
    }
    m.put("allCpuMs", ms);
    return m;
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    return sorted.get((sorted.size() - 1) / 2);
  }

  static Map<String, Object> run(RemoteSimulator sim) throws Exception {
    List<Variant> variants = variants();
    double loadBefore = JournalBench.loadAverage();
    Scale.completionTimeout = java.time.Duration.ofMinutes(3);
    for (int round = 0; round < ROUNDS; round++) {
      // A different variant starts each round, so that none always runs on the freshest JVM.
      for (int k = 0; k < variants.size(); k++) {
        Variant v = variants.get((round + k) % variants.size());
        Map<String, Object> r = Scale.ours(sim, TASKS, null, v.name, v.attach, v.built);
        r.put("loadAvg1m", JournalBench.loadAverage());
        v.runs.add(r);
        System.out.println(r);
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", TASKS);
    m.put("rounds", ROUNDS);
    Map<String, Object> base = JournalBench.median(variants.get(0).runs);
    List<Map<String, Object>> medians = new ArrayList<>();
    Map<String, Object> overhead = new LinkedHashMap<>();
    Map<String, Object> bestOverhead = new LinkedHashMap<>();
    Map<String, Object> walls = new LinkedHashMap<>();
    Map<String, Object> errors = new LinkedHashMap<>();
    for (Variant v : variants) {
      Map<String, Object> med = JournalBench.median(v.runs);
      medians.add(med);
      walls.put(v.name, JournalBench.walls(v.runs));
      errors.put(v.name, JournalBench.errors(v.runs));
      if (v == variants.get(0)) continue;
      overhead.put(
          v.name, JournalBench.percent((Double) med.get("wallS"), (Double) base.get("wallS")));
      bestOverhead.put(
          v.name,
          JournalBench.percent(
              (Double) JournalBench.best(v.runs).get("wallS"),
              (Double) JournalBench.best(variants.get(0).runs).get("wallS")));
    }
    m.put("medians", medians);
    m.put("wallOverheadPercent", overhead);
    m.put("bestWallOverheadPercent", bestOverhead);
    m.put("loadAverage", List.of(loadBefore, JournalBench.loadAverage()));
    m.put("allWallS", walls);
    m.put("allErrors", errors);
    return m;
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> m) {
    return "## Observability overhead ("
        + TASKS
        + " tasks, GMI simulator in a separate JVM, median wall time of "
        + ROUNDS
        + " rounds, variants in turns)\n\n"
        + Benchmarks.table((List<Map<String, Object>>) m.get("medians"))
        + "\nWall time overhead against nothing attached (medians): "
        + m.get("wallOverheadPercent")
        + " %; best run against best run: "
        + m.get("bestWallOverheadPercent")
        + " % "
        + JournalBench.runs(m);
  }

  static String cpuMarkdown(Map<String, Object> m) {
    return "## Observability CPU cost (engine only: "
        + m.get("jobs")
        + " jobs of the polling corpus in virtual time on one thread, median thread CPU time of "
        + ROUNDS
        + " rounds, variants in turns)\n\n"
        + Benchmarks.table(java.util.Collections.singletonList(m))
        + "\n";
  }
}
