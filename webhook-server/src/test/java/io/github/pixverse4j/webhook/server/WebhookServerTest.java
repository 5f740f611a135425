package io.github.pixverse4j.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.pixverse.PixVerseWebhook;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.CallbackSender.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.SimClock;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback: the PixVerse simulator sends signed callbacks, with faults, to a {@link
 * WebhookServer} mounted on the client's handler.
 */
class WebhookServerTest {
  static final String KEY = "pv-secret-api-key-31337";
  static final String SECRET = "whsec_0123456789";
  static final Instant NOW = Instant.ofEpochSecond(1_764_921_600L);

  private final TestScheduler time = new TestScheduler();
  private PixVerseSimulator sim;
  private VideoClient client;
  private WebhookServer server;
  private CallbackSender sender;

  @BeforeEach
  void setUp() throws IOException {
    sim = new PixVerseSimulator(KEY).start();
    sim.clock(new SimClock(NOW));
    sim.defaultLifecycle(Lifecycle.builder().runningFor(1000).succeeded());
    time.advanceTimeTo(NOW.toEpochMilli(), TimeUnit.MILLISECONDS);
    client =
        PixVerse.builder()
            .apiKey(KEY)
            .baseUrl(sim.baseUrl())
            .scheduler(time)
            .pollingPolicy(PollingPolicy.builder().jitter(0).build())
            .webhook(PixVerseWebhook.of("wh-1", SECRET))
            .build();
    server =
        WebhookServer.builder()
            .route("/hooks/pixverse", client.webhookHandler())
            .maxBodyBytes(4096)
            .build()
            .start();
    sender =
        sim.callbacksTo(
            server.url("/hooks/pixverse"), SECRET, PixVerseWebhook.SignatureForm.BODY_ORDER_URLLIB);
  }

  @AfterEach
  void tearDown() {
    server.close();
    sim.close();
  }

  private TestObserver<TaskStatus> generate() {
    TestObserver<TaskStatus> obs =
        client
            .generate(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/a.png"))
                    .prompt("p")
                    .build())
            .test();
    obs.awaitCount(1);
    return obs;
  }

  private static String id(TestObserver<TaskStatus> obs) {
    return obs.values().get(0).handle().taskId();
  }

  private static void ended(TestObserver<TaskStatus> obs) {
    obs.awaitDone(10, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(obs.values().get(obs.values().size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
  }

  @Test
  @DisplayName(
      "a signed callback ends the stream; its duplicate is answered ok and changes nothing")
  void deliveredAndDuplicated() {
    TestObserver<TaskStatus> obs = generate();
    sender.nextFaults(Fault.DUPLICATED);
    sim.sendCallback(id(obs));
    ended(obs);
    assertThat(sender.deliveries())
        .extracting(Object::toString)
        .containsExactly("200 ok", "200 ok");
    assertThat(sim.requestCount("status")).isZero();
  }

  @Test
  @DisplayName("a forged signature and an hour-old timestamp are refused; the stream goes on")
  void forgedAndReplayed() {
    TestObserver<TaskStatus> obs = generate();
    sender.nextFaults(Fault.WRONG_SIGNATURE, Fault.OLD_TIMESTAMP);
    sim.sendCallback(id(obs));
    sim.sendCallback(id(obs));
    assertThat(sender.deliveries())
        .extracting(Object::toString)
        .containsExactly("401 invalid signature", "401 timestamp outside tolerance");
    obs.assertNotComplete();
    sim.sendCallback(id(obs));
    ended(obs);
  }

  @Test
  @DisplayName("delayed and out-of-order callbacks each end their own task")
  void delayedAndOutOfOrder() {
    TestObserver<TaskStatus> a = generate();
    TestObserver<TaskStatus> b = generate();
    TestObserver<TaskStatus> c = generate();
    sender.nextFaults(Fault.DELAYED, Fault.OUT_OF_ORDER);
    sim.sendCallback(id(a));
    sim.sendCallback(id(b));
    a.assertNotComplete();
    b.assertNotComplete();
    sim.sendCallback(id(c)); // sent, then b's
    ended(c);
    ended(b);
    a.assertNotComplete();
    sender.flushHeld();
    ended(a);
  }

  @Test
  @DisplayName("a lost callback costs at most the safety-net interval: the poll at 60 s ends it")
  void lost() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    TestObserver<TaskStatus> obs = generate();
    sender.nextFaults(Fault.LOST);
    sim.sendCallback(id(obs));
    assertThat(sender.deliveries()).isEmpty();
    time.advanceTimeBy(59, TimeUnit.SECONDS);
    obs.assertNotComplete();
    assertThat(sim.requestCount("status")).isZero();
    time.advanceTimeBy(1, TimeUnit.SECONDS);
    ended(obs);
    assertThat(sim.requestCount("status")).isEqualTo(1);
  }

  @Test
  @DisplayName("bounded: a body over the limit is 413, a GET 405; no answer shows the API key")
  void bounded() throws IOException {
    assertThat(post(new byte[5000])).startsWith("413");
    HttpURLConnection get =
        (HttpURLConnection) new URL(server.url("/hooks/pixverse")).openConnection();
    assertThat(get.getResponseCode()).isEqualTo(405);
    String unsigned = post("{\"id\":\"1\",\"status\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(unsigned).isEqualTo("401 missing signature headers").doesNotContain(KEY);
  }

  @Test
  @DisplayName("a second handler on the same path is refused, naming the path")
  void duplicateRouteRefused() {
    WebhookServer.Builder b = WebhookServer.builder().route("/h", client.webhookHandler());
    assertThatThrownBy(() -> b.route("/h", client.webhookHandler()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path \"/h\" already has a route: one handler per path");
    // Other paths, including one under it, are still accepted.
    assertThat(b.route("/h/2", client.webhookHandler()).build()).isNotNull();
  }

  @Test
  @DisplayName("url(path) refuses a path without a leading / as route does")
  void urlNeedsALeadingSlash() {
    assertThatThrownBy(() -> server.url("h"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must start with /: \"h\"");
    assertThatThrownBy(() -> WebhookServer.builder().route("h", client.webhookHandler()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must start with /: \"h\"");
  }

  @Test
  @DisplayName("without bind(..) it listens on 127.0.0.1 on an ephemeral port")
  void defaultBindIsLoopbackEphemeral() {
    assertThat(server.port()).isPositive();
    assertThat(server.url("/hooks/pixverse"))
        .isEqualTo("http://127.0.0.1:" + server.port() + "/hooks/pixverse");
  }

  private String post(byte[] body) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL(server.url("/hooks/pixverse")).openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    } catch (IOException e) {
      // The server may answer 413 and close before the body is written.
    }
    int status = c.getResponseCode();
    InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
    String text = in == null ? "" : new String(readAll(in), StandardCharsets.UTF_8);
    return status + " " + text;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
    in.close();
    return out.toByteArray();
  }
}
