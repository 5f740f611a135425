package io.github.pixverse4j.odirouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What goes over the wire, as the simulator recorded it. */
class OdiRouterWireTest {
  private static final String KEY = "odi-wire-key-5150";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String MODEL_PATH = "/model/v1/queue/pixverse_v6_i2v";

  private OdiRouterSimulator sim;
  private VideoClient client;

  @BeforeEach
  void start() {
    sim = new OdiRouterSimulator(KEY).start();
    client = client();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private VideoClient client() {
    return OdiRouter.builder().baseUrl(sim.baseUrl()).apiKey(KEY).pollingPolicy(fast()).build();
  }

  private static PollingPolicy fast() {
    return FastPolling.policy();
  }

  private static ImageToVideoRequest docExample() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/reference-image.webp"))
        .prompt(
            "A red apple slowly rotating on a white table, clean studio lighting, static camera.")
        .durationSeconds(5)
        .quality(Quality.P540)
        .build();
  }

  private static String fixture(String name) throws Exception {
    try (InputStream in = OdiRouterWireTest.class.getResourceAsStream("/odirouter/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<TaskStatus> run(io.reactivex.rxjava3.core.Observable<TaskStatus> stream) {
    return stream.timeout(15, java.util.concurrent.TimeUnit.SECONDS).toList().blockingGet();
  }

  @Test
  @DisplayName(
      "the doc's curl example is sent as exactly its JSON, to POST /model/v1/queue/pixverse_v6_i2v"
          + " with Bearer auth")
  void docCurlExample() throws Exception {
    TaskHandle handle = client.submit(docExample()).blockingGet();
    RecordedRequest submit = sim.requests("submit").get(0);
    assertThat(submit.method()).isEqualTo("POST");
    assertThat(submit.path()).isEqualTo(MODEL_PATH);
    assertThat(submit.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(submit.header("Content-Type")).startsWith("application/json");
    assertThat(MAPPER.readTree(submit.bodyUtf8()))
        .isEqualTo(MAPPER.readTree(fixture("submit-request.json")));
    assertThat(handle.providerId()).isEqualTo("odirouter");
    assertThat(handle.model()).isEqualTo("pixverse_v6_i2v");
    assertThat(handle.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName(
      "only the fields that are set are sent; seed, audio and multi-clip use their wire names")
  void optionalFields() throws Exception {
    client
        .submit(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/a.png"))
                .prompt("p")
                .build())
        .blockingGet();
    assertThat(sim.requests("submit").get(0).bodyUtf8())
        .isEqualTo("{\"image\":\"https://example.com/a.png\",\"prompt\":\"p\"}");
    client
        .submit(
            ImageToVideoRequest.builder()
                .from(docExample())
                .seed(42L)
                .audio(true)
                .multiClip(false)
                .quality(Quality.P1080)
                .durationSeconds(15)
                .build())
        .blockingGet();
    assertThat(MAPPER.readTree(sim.requests("submit").get(1).bodyUtf8()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"image\":\"https://example.com/reference-image.webp\",\"prompt\":\"A red apple"
                    + " slowly rotating on a white table, clean studio lighting, static"
                    + " camera.\",\"duration\":15,\"quality\":\"1080p\","
                    + "\"seed\":42,\"generate_audio_switch\":true,\"generate_multi_clip_switch\":false}"));
    assertThat(sim.handlerFailures()).isEmpty();
  }

  @Test
  @DisplayName(
      "a job is followed through GET …/status, then GET …/response, with Bearer auth on each; the"
          + " video is mapped")
  void followsJob() {
    sim.nextJobs(Lifecycle.builder().queued(1, 2).running(50).succeeded());
    List<TaskStatus> statuses =
        run(client.generate(ImageToVideoRequest.builder().from(docExample()).seed(7L).build()));
    TaskStatus last = statuses.get(statuses.size() - 1);
    String id = last.handle().taskId();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.rawStatus()).contains("COMPLETED");
    Video video = last.videos().get(0);
    assertThat(video.url().toString()).isEqualTo(sim.videoUrl(id));
    assertThat(video.contentType()).contains("video/mp4");
    assertThat(video.sizeBytes()).contains((long) sim.mediaBytes().length);
    assertThat(video.seed()).contains(7L);
    assertThat(statuses).anySatisfy(s -> assertThat(s.queuePosition()).contains(2));

    assertThat(sim.requests("status"))
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo(MODEL_PATH + "/requests/" + id + "/status");
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
    assertThat(sim.requests("result"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo(MODEL_PATH + "/requests/" + id + "/response");
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
  }

  @Test
  @DisplayName("cancel is PUT …/requests/{id}/cancel with Bearer auth")
  void cancelRequest() {
    sim.nextJobs(Lifecycle.builder().runningFor(100).succeeded());
    TaskHandle h = client.submit(docExample()).blockingGet();
    client.cancel(h).blockingAwait();
    RecordedRequest cancel = sim.requests("cancel").get(0);
    assertThat(cancel.method()).isEqualTo("PUT");
    assertThat(cancel.path()).isEqualTo(MODEL_PATH + "/requests/" + h.taskId() + "/cancel");
    assertThat(cancel.header("Authorization")).isEqualTo("Bearer " + KEY);
  }

  private String answerWithUrls(String id, String origin, String marker) {
    String base = origin + MODEL_PATH + "/requests/" + id;
    return "{\"request_id\":\""
        + id
        + "\",\"status_url\":\""
        + base
        + "/status?"
        + marker
        + "\","
        + "\"response_url\":\""
        + base
        + "/response?"
        + marker
        + "\",\"cancel_url\":\""
        + base
        + "/cancel?"
        + marker
        + "\",\"queue_position\":0}";
  }

  private String origin() {
    return sim.baseUrl().substring(0, sim.baseUrl().length() - "/model".length());
  }

  @Test
  @DisplayName(
      "the status, response and cancel URLs of the submit answer are used when they are on the base"
          + " URL's origin")
  void usesReturnedUrls() {
    sim.nextJobs(Lifecycle.immediateSuccess(), Lifecycle.builder().runningFor(100).succeeded());
    sim.faults()
        .on("submit")
        .always(
            Fault.status(200, answerWithUrls("mmsu_1", origin(), "via=submit")).afterHandling());
    List<TaskStatus> statuses = run(client.generate(docExample()));
    assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status"))
        .allSatisfy(r -> assertThat(r.query()).isEqualTo("via=submit"));
    assertThat(sim.requests("result"))
        .allSatisfy(r -> assertThat(r.query()).isEqualTo("via=submit"));

    sim.faults()
        .on("submit")
        .always(
            Fault.status(200, answerWithUrls("mmsu_2", origin(), "via=submit")).afterHandling());
    TaskHandle second = client.submit(docExample()).blockingGet();
    client.cancel(second).blockingAwait();
    assertThat(sim.requests("cancel").get(0).query()).isEqualTo("via=submit");
  }

  @Test
  @DisplayName(
      "URLs on another origin are ignored: the client builds them from its base URL, and no request"
          + " leaves for that host")
  void ignoresForeignUrls() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    // Same host, another port: a different origin that would still reach this machine.
    String foreign = "http://127.0.0.1:" + (sim.port() == 65535 ? 65534 : sim.port() + 1);
    sim.faults()
        .on("submit")
        .always(
            Fault.status(200, answerWithUrls("mmsu_1", foreign, "via=foreign")).afterHandling());
    List<TaskStatus> statuses = run(client.generate(docExample()));
    assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status")).isNotEmpty().allSatisfy(r -> assertThat(r.query()).isNull());
    assertThat(sim.requests("result")).isNotEmpty().allSatisfy(r -> assertThat(r.query()).isNull());
  }

  @Test
  @DisplayName(
      "URLs on the base URL's origin but outside the request's path are ignored (issue 25, fault"
          + " 9)")
  void ignoresUrlsOfOtherRequests() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    String answer =
        answerWithUrls("mmsu_1", origin(), "via=other")
            .replace("/requests/mmsu_1/", "/requests/../");
    sim.faults().on("submit").always(Fault.status(200, answer).afterHandling());
    List<TaskStatus> statuses = run(client.generate(docExample()));
    assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.query()).isNull();
              assertThat(r.path()).isEqualTo(MODEL_PATH + "/requests/mmsu_1/status");
            });
  }

  @Test
  @DisplayName(
      "a fresh client (after a restart) builds the URLs from the base URL and the request id")
  void resumeBuildsUrls() {
    sim.nextJobs(Lifecycle.builder().queued(1).succeeded());
    sim.faults()
        .on("submit")
        .always(
            Fault.status(200, answerWithUrls("mmsu_1", origin(), "via=submit")).afterHandling());
    String token = client.submit(docExample()).blockingGet().token();
    List<TaskStatus> statuses = run(client().watch(TaskHandle.parse(token)));
    assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.query()).isNull();
              assertThat(r.path()).isEqualTo(MODEL_PATH + "/requests/mmsu_1/status");
            });
  }

  @Test
  @DisplayName(
      "a request id with characters a path escapes is percent-encoded as one path segment; ids that"
          + " would leave it (/, ?, ., ..) cannot make a handle (issue 25, fault 9)")
  void encodesId() {
    sim.faults().on("status").always(Fault.status(200, "{\"status\":\"IN_PROGRESS\"}"));
    client.status(TaskHandle.of("odirouter", "pixverse_v6_i2v", "a b;\u00fc")).blockingGet();
    assertThat(sim.requests("status").get(0).path())
        .isEqualTo(MODEL_PATH + "/requests/a%20b;%C3%BC/status");
    for (String id : new String[] {"a/b c?d", "..", ".", "a#b", "%2e%2e"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> TaskHandle.of("odirouter", "pixverse_v6_i2v", id))
          .as(id)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  // Drift found by issue 17: the providers made handles, checked video URLs, timed observations
  // and scrubbed the key each their own way. These go through the shared kit now.

  private static final ImageToVideoRequest CAT =
      ImageToVideoRequest.builder()
          .image(ImageInput.url("https://example.com/cat.png"))
          .prompt("a cat")
          .build();

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(c);
    return b.toString();
  }

  @Test
  @DisplayName(
      "a 600-character request_id is an unknown submit outcome (MalformedResponseException), sent"
          + " once")
  void longRequestId() {
    sim.faults()
        .on("submit")
        .next(1, Fault.status(200, "{\"request_id\":\"" + repeat('r', 600) + "\"}"));
    Throwable e = client.submit(CAT).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(SubmitOutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("request_id");
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("a video URL that is not http(s) is refused, and the key in it is not quoted")
  void nonHttpVideoUrl() {
    sim.faults().on("status").always(Fault.status(200, "{\"status\":\"COMPLETED\"}"));
    sim.faults()
        .on("result")
        .always(Fault.status(200, "{\"video\":{\"url\":\"ftp://media.example/" + KEY + ".mp4\"}}"));
    Throwable e = client.generate(CAT).lastOrError().materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(MalformedResponseException.class).hasMessageContaining("http(s)");
    assertThat(e.getMessage()).doesNotContain(KEY);
  }

  @Test
  @DisplayName("the key an error answer echoes is scrubbed by the shared error mapping")
  void keyScrubbedFromErrors() {
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(
                422,
                "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"bad prompt "
                    + KEY
                    + "\",\"type\":\"value_error\"}]}"));
    Throwable e = client.submit(CAT).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
  }

  @Test
  @DisplayName(
      "observations are timed by the client's scheduler, as in every provider (not the wall clock)")
  void observedAtFromScheduler() {
    TestScheduler time = new TestScheduler(1_000_000L, TimeUnit.MILLISECONDS);
    VideoClient timed =
        OdiRouter.builder()
            .baseUrl(sim.baseUrl())
            .apiKey(KEY)
            .pollingPolicy(fast())
            .scheduler(time)
            .build();
    TaskHandle h = timed.submit(CAT).blockingGet();
    TaskStatus s = timed.status(h).blockingGet();
    assertThat(s.observedAt()).isEqualTo(Instant.ofEpochMilli(1_000_000L));
  }
}
