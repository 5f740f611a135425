package io.github.pixverse4j.gmi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What goes over the wire, as the simulator recorded it. */
class GmiWireTest {
  private static final String KEY = "gmi-wire-key-0123456789";
  private static final String BASE = "/api/v1/ie/requestqueue/apikey";

  private GmiSimulator sim;

  @BeforeEach
  void start() {
    sim = new GmiSimulator(KEY).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private VideoClient client() {
    PollingPolicy fast = FastPolling.policy();
    return GmiCloud.builder().apiKey(KEY).baseUrl(sim.baseUrl()).pollingPolicy(fast).build();
  }

  private static JsonNode docCurlBody() throws Exception {
    try (InputStream in = GmiWireTest.class.getResourceAsStream("/gmi/submit-request.json")) {
      return Json.mapper().readTree(in);
    }
  }

  @Test
  @DisplayName(
      "the doc's curl example: POST …/requests with Bearer key, JSON content type and exactly the"
          + " doc's body")
  void docCurlExample() throws Exception {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .prompt("A cinematic shot of a futuristic city at sunset.")
            .image(ImageInput.url("https://example.com/start_frame.jpg"))
            .durationSeconds(5)
            .quality(Quality.P1080)
            .audio(true)
            .build();
    TaskHandle handle = client().submit(request).blockingGet();

    RecordedRequest submit = sim.requests("submit").get(0);
    assertThat(submit.method()).isEqualTo("POST");
    assertThat(submit.path()).isEqualTo(BASE + "/requests");
    assertThat(submit.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(submit.header("Content-Type")).startsWith("application/json");
    assertThat(submit.header("X-Organization-ID")).isNull();
    assertThat(Json.mapper().readTree(submit.body())).isEqualTo(docCurlBody());
    assertThat(handle.providerId()).isEqualTo("gmi");
    assertThat(handle.model()).isEqualTo("pixverse-v6-i2v");
    assertThat(handle.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName("a minimal request sends only prompt, image and the default duration and quality")
  void minimal() throws Exception {
    client()
        .submit(
            ImageToVideoRequest.builder()
                .prompt("a cat")
                .image(ImageInput.url("https://example.com/cat.png"))
                .build())
        .blockingGet();
    assertThat(sim.requests("submit").get(0).bodyUtf8())
        .isEqualTo(
            "{\"model\":\"pixverse-v6-i2v\",\"payload\":{\"prompt\":\"a"
                + " cat\",\"image\":\"https://example.com/cat.png\","
                + "\"duration\":5,\"quality\":\"540p\"}}");
    assertThat(sim.handlerFailures()).isEmpty();
  }

  @Test
  @DisplayName(
      "status is GET …/requests/{request_id} with the Bearer key and no body; dispatched and"
          + " processing read as RUNNING")
  void statusCalls() {
    sim.nextJobs(Lifecycle.builder().queued(1).runningFor(2).succeeded());
    VideoClient client = client();
    TaskHandle handle =
        client
            .submit(
                ImageToVideoRequest.builder()
                    .prompt("a cat")
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .build())
            .blockingGet();

    TaskStatus queued = client.status(handle).blockingGet();
    TaskStatus dispatched = client.status(handle).blockingGet();
    TaskStatus processing = client.status(handle).blockingGet();
    TaskStatus done = client.status(handle).blockingGet();

    assertThat(queued.state()).isEqualTo(TaskState.QUEUED);
    assertThat(dispatched.state()).isEqualTo(TaskState.RUNNING);
    assertThat(dispatched.rawStatus()).contains("dispatched");
    assertThat(processing.state()).isEqualTo(TaskState.RUNNING);
    assertThat(processing.rawStatus()).contains("processing");
    assertThat(done.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.videos().get(0).url().toString()).isEqualTo(sim.videoUrl(handle.taskId()));

    RecordedRequest status = sim.requests("status").get(0);
    assertThat(status.method()).isEqualTo("GET");
    assertThat(status.path()).isEqualTo(BASE + "/requests/" + handle.taskId());
    assertThat(status.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(status.bodyLength()).isZero();
  }

  @Test
  @DisplayName("a success in the older outcome.video_url form is followed to its video")
  void videoUrlOnly() {
    sim.videoUrlOnly(true).nextJobs(Lifecycle.immediateSuccess());
    TaskStatus last =
        client()
            .generate(
                ImageToVideoRequest.builder()
                    .prompt("a cat")
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .build())
            .blockingLast();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.videos().get(0).url().toString())
        .isEqualTo(sim.videoUrl(last.handle().taskId()));
  }

  @Test
  @DisplayName("an organization id is sent as X-Organization-ID on every call, models included")
  void organizationHeader() {
    GmiProvider provider =
        GmiCloud.builder()
            .apiKey(KEY)
            .baseUrl(sim.baseUrl())
            .organizationId(" org-42 ")
            .buildProvider();
    TaskHandle h =
        provider
            .submit(
                ImageToVideoRequest.builder()
                    .prompt("a cat")
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .build())
            .blockingGet();
    provider.status(h).blockingGet();
    provider.listModels().blockingGet();
    assertThat(sim.requests())
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.header("X-Organization-ID")).isEqualTo("org-42"));
  }

  @Test
  @DisplayName("listModels is GET …/models and returns model_ids")
  void models() {
    sim.modelIds("pixverse-v6-i2v", "other-model");
    assertThat(
            GmiCloud.builder()
                .apiKey(KEY)
                .baseUrl(sim.baseUrl())
                .buildProvider()
                .listModels()
                .blockingGet())
        .containsExactly("pixverse-v6-i2v", "other-model");
    RecordedRequest r = sim.requests("models").get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo(BASE + "/models");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
  }

  // Drift found by issue 17: the providers made handles, checked video URLs and scrubbed the key
  // each its own way. These go through the shared kit now.

  private static final ImageToVideoRequest CAT =
      ImageToVideoRequest.builder()
          .prompt("a cat")
          .image(ImageInput.url("https://example.com/cat.png"))
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
        .next(
            1,
            Fault.status(
                200, "{\"request_id\":\"" + repeat('r', 600) + "\",\"status\":\"queued\"}"));
    Throwable e = client().submit(CAT).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(SubmitOutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("request_id");
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("a video URL that is not http(s) is refused, and the key in it is not quoted")
  void nonHttpVideoUrl() {
    sim.faults()
        .on("status")
        .always(
            Fault.status(
                200,
                "{\"request_id\":\"x\",\"status\":\"success\","
                    + "\"outcome\":{\"media_urls\":[{\"url\":\"ftp://cdn.example/"
                    + KEY
                    + ".mp4\"}]}}"));
    Throwable e = client().generate(CAT).lastOrError().materialize().blockingGet().getError();
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
                400,
                "{\"error\":{\"message\":\"bad request from "
                    + KEY
                    + "\",\"code\":\""
                    + KEY
                    + "\"}}"));
    Throwable e = client().submit(CAT).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
    assertThat(String.valueOf(((VideoApiException) e).providerCode().orElse("")))
        .doesNotContain(KEY);
  }
}
