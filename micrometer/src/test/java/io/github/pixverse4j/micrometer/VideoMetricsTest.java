package io.github.pixverse4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.testkit.FastPolling;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link VideoMetrics} against every built-in provider's simulator, end to end. */
class VideoMetricsTest {
  private static final String KEY = "metrics-test-key-5c1d";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private ProviderSimulator sim;
  private VideoClient client;

  @TempDir Path dir;

  static Stream<String> providers() {
    ClassLoader loader = VideoMetricsTest.class.getClassLoader();
    return VideoProviderFactory.load(loader).stream()
        .map(VideoProviderFactory::id)
        .filter(id -> SimulatorFactory.find(id, loader).isPresent());
  }

  private void start(String provider) {
    ClassLoader loader = getClass().getClassLoader();
    sim = SimulatorFactory.find(provider, loader).get().create(KEY).start();
    client =
        VideoProviderFactory.find(provider)
            .get()
            .create(
                ClientConfig.builder()
                    .apiKey(KEY)
                    .baseUrl(sim.baseUrl())
                    .pollingPolicy(FastPolling.policy())
                    .addEventListenerFactory(VideoMetrics.of(registry))
                    .build());
  }

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
  }

  private static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/images/cat.png"))
        .prompt("the cat turns its head and smiles")
        .build();
  }

  private double count(String name, String... tags) {
    return registry.get(VideoMetrics.PREFIX + name).tags(tags).meters().stream()
        .mapToDouble(
            m ->
                m instanceof io.micrometer.core.instrument.Counter
                    ? ((io.micrometer.core.instrument.Counter) m).count()
                    : m instanceof io.micrometer.core.instrument.Timer
                        ? ((io.micrometer.core.instrument.Timer) m).count()
                        : ((io.micrometer.core.instrument.DistributionSummary) m).count())
        .sum();
  }

  private double inFlight() {
    return registry.get(VideoMetrics.PREFIX + "tasks.in.flight").gauge().value();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  @DisplayName(
      "a generate with a failed read and a download is counted: submit, reads, retry, end, times,"
          + " bytes; nothing is left in flight")
  void generateEndToEnd(String provider) throws Exception {
    start(provider);
    sim.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
    sim.faults().on("status").call(1).respond(Fault.status(503, "{}"));

    TestObserver<TaskStatus> obs = client.generate(request()).test();
    obs.awaitDone(15, TimeUnit.SECONDS).assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    client.download(last, dir.resolve("v.mp4")).blockingLast();

    String model = client.capabilities().model();
    assertThat(count("submits", "provider", provider, "model", model, "outcome", "accepted"))
        .isEqualTo(1);
    assertThat(count("submits", "outcome", "refused") + count("submits", "outcome", "unknown"))
        .isZero();
    assertThat(count("status.reads", "outcome", "ok")).isGreaterThanOrEqualTo(2);
    assertThat(count("status.reads", "outcome", "failed")).isEqualTo(1);
    assertThat(count("retries", "call", "status", "reason", "unavailable")).isEqualTo(1);
    assertThat(count("tasks.ended", "state", "succeeded", "category", "none")).isEqualTo(1);
    assertThat(count("task.queue.time")).isEqualTo(1);
    assertThat(count("task.run.time", "state", "succeeded")).isEqualTo(1);
    assertThat(count("task.time.to.video")).isEqualTo(1);
    assertThat(count("downloads")).isEqualTo(1);
    assertThat(registry.get(VideoMetrics.PREFIX + "download.size").summary().totalAmount())
        .isEqualTo(sim.mediaBytes().length);
    assertThat(inFlight()).isZero();

    Set<String> allowed =
        new HashSet<>(
            Arrays.asList("provider", "model", "outcome", "call", "reason", "state", "category"));
    String taskId = last.handle().taskId();
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getName()).startsWith(VideoMetrics.PREFIX);
      List<Tag> tags = m.getId().getTags();
      for (Tag t : tags) {
        assertThat(allowed).as("tag of %s", m.getId()).contains(t.getKey());
        assertThat(t.getValue()).as("tag of %s", m.getId()).doesNotContain(taskId, "http");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  @DisplayName("a task is in flight from its subscription until its stream ends or is disposed")
  void inFlightWhileFollowed(String provider) {
    start(provider);
    sim.nextJobs(
        Lifecycle.builder().queued(1).running(50).succeeded(),
        Lifecycle.builder().queued(1).running(50).succeeded());
    List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    client
        .generate(request())
        .doOnNext(s -> seen.add(inFlight()))
        .test()
        .awaitDone(15, TimeUnit.SECONDS)
        .assertComplete();
    assertThat(seen).isNotEmpty().containsOnly(1.0);
    assertThat(inFlight()).isZero();

    // take(1) disposes the stream after the QUEUED status.
    client.generate(request()).take(1).test().awaitDone(15, TimeUnit.SECONDS).assertComplete();
    assertThat(inFlight()).isZero();
  }
}
