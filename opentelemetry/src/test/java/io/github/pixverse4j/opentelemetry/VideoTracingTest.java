package io.github.pixverse4j.opentelemetry;

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
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.testkit.FastPolling;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reactivex.rxjava3.observers.TestObserver;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link VideoTracing} against every built-in provider's simulator, end to end. */
class VideoTracingTest {
  private static final String KEY = "tracing-test-key-7e2a";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  private final Tracer caller = otel.getTracer("test-caller");
  private ProviderSimulator sim;
  private VideoClient client;

  @TempDir Path dir;

  static Stream<String> providers() {
    ClassLoader loader = VideoTracingTest.class.getClassLoader();
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
                    .addEventListenerFactory(VideoTracing.create(otel))
                    .build());
  }

  @AfterEach
  void stop() {
    if (sim != null) sim.close();
    tracerProvider.close();
  }

  /** An image the provider must upload when it can (PixVerse: upload, then submit). */
  private ImageToVideoRequest request() throws Exception {
    ImageInput image = ImageInput.url("https://example.com/images/cat.png");
    if (client.capabilities().imageKinds().contains(ImageInput.Kind.BYTES)) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB), "png", png);
      image = ImageInput.bytes(png.toByteArray(), "image/png");
    }
    return ImageToVideoRequest.builder()
        .image(image)
        .prompt("the cat turns its head and smiles")
        .build();
  }

  private List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  private List<SpanData> children(SpanData parent) {
    return spans().stream()
        .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .collect(Collectors.toList());
  }

  private SpanData only(String name) {
    List<SpanData> found =
        spans().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    assertThat(found).as("spans named %s in %s", name, spans()).hasSize(1);
    return found.get(0);
  }

  /** Each HTTP span checked against the semantic conventions and the simulator's address. */
  private void checkHttpSpans(List<SpanData> calls) {
    for (SpanData c : calls) {
      assertThat(c.getKind()).isEqualTo(SpanKind.CLIENT);
      Attributes a = c.getAttributes();
      assertThat(c.getName()).isEqualTo(a.get(VideoTracing.HTTP_METHOD));
      assertThat(a.get(VideoTracing.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
      assertThat(a.get(VideoTracing.SERVER_PORT)).isEqualTo((long) sim.port());
      assertThat(a.get(VideoTracing.URL_FULL)).startsWith("http://127.0.0.1:" + sim.port() + "/");
      Long code = a.get(VideoTracing.HTTP_STATUS);
      assertThat(code).as("status of %s", c).isNotNull();
      if (code >= 400) {
        assertThat(a.get(VideoTracing.ERROR_TYPE)).isEqualTo(String.valueOf(code));
        assertThat(c.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      } else {
        assertThat(a.get(VideoTracing.ERROR_TYPE)).isNull();
      }
    }
  }

  /** Neither the key nor a part of it appears in any name, attribute, event or status. */
  private void noKeyAnywhere() {
    for (SpanData s : spans()) {
      List<String> texts = new ArrayList<>();
      texts.add(s.getName());
      texts.add(s.getStatus().getDescription());
      values(s.getAttributes(), texts);
      for (EventData e : s.getEvents()) {
        texts.add(e.getName());
        values(e.getAttributes(), texts);
      }
      for (String t : texts) assertThat(t).as("in %s", s).doesNotContain(KEY, "7e2a");
    }
  }

  private static void values(Attributes attributes, List<String> into) {
    for (Map.Entry<AttributeKey<?>, Object> e : attributes.asMap().entrySet()) {
      into.add(e.getKey().getKey());
      into.add(String.valueOf(e.getValue()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  @DisplayName(
      "a generate is one span in the caller's trace, with its state changes, a read retry as an"
          + " event and one child span per HTTP call; the download is another; no key anywhere")
  void generateAndDownload(String provider) throws Exception {
    start(provider);
    sim.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
    sim.faults().on("status").call(1).respond(Fault.status(503, "{}"));
    ImageToVideoRequest request = request();

    Span parent = caller.spanBuilder("caller").startSpan();
    TestObserver<TaskStatus> obs;
    try (Scope ignored = parent.makeCurrent()) {
      obs = client.generate(request).test();
    }
    obs.awaitDone(15, TimeUnit.SECONDS).assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    int generateRequests = sim.requests().size();
    try (Scope ignored = parent.makeCurrent()) {
      client.download(last, dir.resolve("v.mp4")).blockingLast();
    }
    parent.end();

    SpanData callerSpan = only("caller");
    SpanData generate = only("pixverse4j generate");
    assertThat(generate.getParentSpanId()).isEqualTo(callerSpan.getSpanId());
    assertThat(generate.getTraceId()).isEqualTo(callerSpan.getTraceId());
    assertThat(generate.getKind()).isEqualTo(SpanKind.INTERNAL);
    Attributes a = generate.getAttributes();
    assertThat(a.get(VideoTracing.PROVIDER)).isEqualTo(provider);
    assertThat(a.get(VideoTracing.MODEL)).isEqualTo(client.capabilities().model());
    assertThat(a.get(VideoTracing.TASK_STATE)).isEqualTo("SUCCEEDED");
    assertThat(a.get(VideoTracing.TASK_ID)).isEqualTo(last.handle().taskId());
    assertThat(generate.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

    List<EventData> retries =
        generate.getEvents().stream()
            .filter(e -> e.getName().equals("pixverse4j.retry"))
            .collect(Collectors.toList());
    assertThat(retries).hasSize(1);
    Attributes r = retries.get(0).getAttributes();
    assertThat(r.get(VideoTracing.RETRY_CALL)).isEqualTo("status");
    assertThat(r.get(VideoTracing.RETRY_REASON)).isEqualTo("unavailable");
    assertThat(r.get(VideoTracing.RETRY_ATTEMPT)).isEqualTo(2L);
    assertThat(r.get(VideoTracing.RETRY_DELAY_MS)).isNotNull().isGreaterThanOrEqualTo(0L);
    assertThat(
            generate.getEvents().stream()
                .filter(e -> e.getName().equals("pixverse4j.state"))
                .map(e -> e.getAttributes().get(VideoTracing.TASK_STATE)))
        .startsWith("QUEUED")
        .contains("RUNNING")
        .endsWith("SUCCEEDED");

    // One child span per request the simulator received for the task: submit (and upload), the
    // failed read, every other read; each a child of the task's span.
    List<SpanData> calls = children(generate);
    assertThat(calls).hasSize(generateRequests);
    checkHttpSpans(calls);
    assertThat(calls.stream().map(c -> c.getAttributes().get(VideoTracing.HTTP_METHOD)))
        .contains("POST", "GET");
    assertThat(calls.stream().map(c -> c.getAttributes().get(VideoTracing.HTTP_STATUS)))
        .contains(503L);
    List<String> paths =
        sim.requests().subList(0, generateRequests).stream()
            .map(RecordedRequest::path)
            .collect(Collectors.toList());
    assertThat(
            calls.stream()
                .map(c -> c.getAttributes().get(VideoTracing.URL_FULL))
                .map(u -> u.substring(u.indexOf('/', "http://".length())).replaceAll("\\?.*", ""))
                .sorted())
        .containsExactlyElementsOf(paths.stream().sorted().collect(Collectors.toList()));

    SpanData download = only("pixverse4j download");
    assertThat(download.getParentSpanId()).isEqualTo(callerSpan.getSpanId());
    assertThat(download.getAttributes().get(VideoTracing.DOWNLOAD_BYTES))
        .isEqualTo((long) sim.mediaBytes().length);
    List<SpanData> downloadCalls = children(download);
    assertThat(downloadCalls).hasSize(sim.requests().size() - generateRequests);
    assertThat(downloadCalls).isNotEmpty();
    checkHttpSpans(downloadCalls);

    // Every HTTP span belongs to an operation: none is a root or a child of the caller.
    Set<String> operations =
        spans().stream()
            .filter(s -> s.getKind() == SpanKind.INTERNAL)
            .map(SpanData::getSpanId)
            .collect(Collectors.toSet());
    assertThat(spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT))
        .allSatisfy(s -> assertThat(operations).contains(s.getParentSpanId()));
    noKeyAnywhere();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  @DisplayName(
      "a failed task ends its span with an error and the final state; a failed status read records"
          + " the exception")
  void failures(String provider) throws Exception {
    start(provider);
    sim.nextJobs(Lifecycle.builder().queued(1).failed("content policy"));
    TestObserver<TaskStatus> obs = client.generate(request()).test();
    obs.awaitDone(15, TimeUnit.SECONDS).assertComplete();
    TaskStatus last = obs.values().get(obs.values().size() - 1);
    assertThat(last.state()).isEqualTo(TaskState.FAILED);

    SpanData generate = only("pixverse4j generate");
    assertThat(generate.getParentSpanContext().isValid()).as("no caller span: a root").isFalse();
    assertThat(generate.getAttributes().get(VideoTracing.TASK_STATE)).isEqualTo("FAILED");
    assertThat(generate.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);

    sim.faults().on("status").call(sim.requestCount("status") + 1).respond(Fault.status(401, "{}"));
    client
        .status(last.handle())
        .test()
        .awaitDone(15, TimeUnit.SECONDS)
        .assertError(Exception.class);
    SpanData status = only("pixverse4j status");
    assertThat(status.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(status.getAttributes().get(VideoTracing.ERROR_TYPE)).isNotNull();
    assertThat(status.getEvents()).anyMatch(e -> e.getName().equals("exception"));
    List<SpanData> calls = children(status);
    assertThat(calls).hasSize(1);
    checkHttpSpans(calls);
    assertThat(calls.get(0).getAttributes().get(VideoTracing.HTTP_STATUS)).isEqualTo(401L);
    noKeyAnywhere();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  @DisplayName("a cancel is a span with its HTTP calls (the read before it and the cancel)")
  void cancel(String provider) throws Exception {
    start(provider);
    if (!client.capabilities().supportsCancel()) return;
    sim.nextJobs(Lifecycle.builder().queued(1000).succeeded());
    TaskStatus first = client.generate(request()).blockingFirst();
    int before = sim.requests().size();
    client.cancel(first.handle()).blockingAwait(15, TimeUnit.SECONDS);

    SpanData cancel = only("pixverse4j cancel");
    assertThat(cancel.getAttributes().get(VideoTracing.TASK_ID)).isEqualTo(first.handle().taskId());
    List<SpanData> calls = children(cancel);
    // The read before the cancel and the cancel (a poll of the disposed generate may still land).
    assertThat(calls).hasSizeGreaterThanOrEqualTo(2);
    assertThat(calls.size()).isLessThanOrEqualTo(sim.requests().size() - before);
    checkHttpSpans(calls);
    noKeyAnywhere();
  }
}
