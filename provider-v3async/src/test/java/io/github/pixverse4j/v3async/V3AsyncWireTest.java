package io.github.pixverse4j.v3async;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What goes over the wire, as the simulator recorded it, against the providers' doc examples. */
class V3AsyncWireTest {
  static final String KEY = "sk-wire-test-5f0c2b7d";
  static final ObjectMapper MAPPER = new ObjectMapper();

  V3AsyncSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) sim.close();
  }

  static JsonNode resource(String name) throws IOException {
    try (InputStream in = V3AsyncWireTest.class.getResourceAsStream("/v3async/" + name)) {
      assertThat(in).as(name).isNotNull();
      return MAPPER.readTree(in);
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  RecordedRequest submitted(VideoClient client, ImageToVideoRequest request) {
    client.submit(request).blockingGet();
    assertThat(sim.requests("submit")).hasSize(1);
    return sim.requests("submit").get(0);
  }

  @Test
  @DisplayName(
      "highway: a request setting every V6 field sends exactly the doc's fields with the given"
          + " values")
  void v6Full() throws Exception {
    sim = V3AsyncSimulator.highway(KEY).start();
    VideoClient client = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    RecordedRequest r =
        submitted(
            client,
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("the cat turns its head")
                .negativePrompt("blurry")
                .seed(123L)
                .durationSeconds(8)
                .cfgScale(0.7)
                .quality(Quality.P1080)
                .thinkingType("auto")
                .audio(true)
                .build());
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v3/async/pixverse-v6-i2v");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.header("Content-Type")).startsWith("application/json");
    JsonNode body = MAPPER.readTree(r.body());
    assertThat(body)
        .isEqualTo(
            MAPPER.readTree(
                "{\"seed\":123,\"image\":\"https://example.com/cat.png\",\"prompt\":\"the cat turns"
                    + " its head\",\"duration\":8,\"cfg_scale\":0.7,\"resolution\":\"1080p\","
                    + "\"thinking_type\":\"auto\",\"negative_prompt\":\"blurry\",\"generate_audio_switch\":true}"));
    assertThat(fieldNames(body))
        .containsExactlyElementsOf(fieldNames(resource("doc-submit-v6.json")));
  }

  @Test
  @DisplayName("highway: unset optional fields are left out, an empty prompt is sent as \"\"")
  void v6Minimal() throws Exception {
    sim = V3AsyncSimulator.highway(KEY).start();
    VideoClient client = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    RecordedRequest r =
        submitted(
            client,
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("")
                .build());
    assertThat(MAPPER.readTree(r.body()))
        .isEqualTo(MAPPER.readTree("{\"image\":\"https://example.com/cat.png\",\"prompt\":\"\"}"));
  }

  @Test
  @DisplayName(
      "myrouter: a request setting every V4.5 field sends exactly the doc's fields with the given"
          + " values")
  void v45Full() throws Exception {
    sim = V3AsyncSimulator.myrouter(KEY).start();
    VideoClient client = V3Async.myrouter().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    RecordedRequest r =
        submitted(
            client,
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("the cat turns its head")
                .negativePrompt("blurry")
                .quality(Quality.P720)
                .fastMode(true)
                .style("clay")
                .seed(2147483647L)
                .build());
    assertThat(r.path()).isEqualTo("/v3/async/pixverse-v4.5-i2v");
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode body = MAPPER.readTree(r.body());
    assertThat(body)
        .isEqualTo(
            MAPPER.readTree(
                "{\"prompt\":\"the cat turns its head\","
                    + "\"image\":\"https://example.com/cat.png\",\"resolution\":\"720p\",\"negative_prompt\":\"blurry\","
                    + "\"fast_mode\":true,\"style\":\"clay\",\"seed\":2147483647}"));
    assertThat(fieldNames(body))
        .containsExactlyInAnyOrderElementsOf(fieldNames(resource("doc-submit-v45.json")));
  }

  @Test
  @DisplayName(
      "myrouter: without a quality the required resolution is sent as the documented default 540p;"
          + " nothing else is added")
  void v45Minimal() throws Exception {
    sim = V3AsyncSimulator.myrouter(KEY).start();
    VideoClient client = V3Async.myrouter().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    RecordedRequest r =
        submitted(
            client,
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("a cat")
                .build());
    assertThat(MAPPER.readTree(r.body()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"prompt\":\"a"
                    + " cat\",\"image\":\"https://example.com/cat.png\",\"resolution\":\"540p\"}"));
  }

  @Test
  @DisplayName(
      "a status read is GET /v3/async/task-result?task_id=<id> with the bearer key and no body")
  void statusRequest() {
    sim = V3AsyncSimulator.highway(KEY).start();
    VideoClient client = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    TaskHandle h =
        client
            .submit(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .prompt("a cat")
                    .build())
            .blockingGet();
    client.status(h).blockingGet();
    RecordedRequest r = sim.requests("status").get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v3/async/task-result");
    assertThat(r.queryParameter("task_id")).isEqualTo(h.taskId());
    assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.bodyLength()).isZero();
    assertThat(h.model()).isEqualTo("pixverse-v6-i2v");
    assertThat(h.providerId()).isEqualTo("highway");
  }

  @Test
  @DisplayName("a base URL with a path prefix keeps the prefix (relative Retrofit paths)")
  void basePathPrefix() {
    sim = V3AsyncSimulator.highway(KEY).start();
    VideoClient client = V3Async.highway().baseUrl(sim.baseUrl() + "/proxy").apiKey(KEY).build();
    client
        .submit(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/cat.png"))
                .prompt("a cat")
                .build())
        .onErrorComplete()
        .blockingGet();
    assertThat(sim.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/proxy/v3/async/pixverse-v6-i2v");
  }

  // Drift found by issue 17: the providers made handles, checked video URLs and scrubbed the key
  // each its own way. These go through the shared kit now.

  private static final ImageToVideoRequest CAT =
      ImageToVideoRequest.builder()
          .image(ImageInput.url("https://example.com/cat.png"))
          .prompt("a cat")
          .build();

  private VideoClient highway() {
    sim = V3AsyncSimulator.highway(KEY).start();
    return V3Async.highway()
        .baseUrl(sim.baseUrl())
        .apiKey(KEY)
        .pollingPolicy(FastPolling.policy())
        .build();
  }

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(c);
    return b.toString();
  }

  @Test
  @DisplayName(
      "a 600-character task_id is an unknown submit outcome (MalformedResponseException), sent"
          + " once")
  void longTaskId() {
    VideoClient client = highway();
    sim.faults()
        .on("submit")
        .next(1, Fault.status(200, "{\"task_id\":\"" + repeat('t', 600) + "\"}"));
    Throwable e = client.submit(CAT).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(SubmitOutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("task_id");
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("a video URL that is not http(s) is refused, and the key in it is not quoted")
  void nonHttpVideoUrl() {
    VideoClient client = highway();
    sim.faults()
        .on("status")
        .always(
            Fault.status(
                200,
                "{\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},"
                    + "\"videos\":[{\"video_url\":\"ftp://media.example/"
                    + KEY
                    + ".mp4\"}]}"));
    Throwable e = client.generate(CAT).lastOrError().materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(MalformedResponseException.class).hasMessageContaining("http(s)");
    assertThat(e.getMessage()).doesNotContain(KEY);
  }

  @Test
  @DisplayName("the key an error answer echoes is scrubbed by the shared error mapping")
  void keyScrubbedFromErrors() {
    VideoClient client = highway();
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(
                400,
                "{\"code\":400,\"reason\":\"INVALID_REQUEST_BODY\",\"message\":\"bad body from "
                    + KEY
                    + "\"}"));
    Throwable e = client.submit(CAT).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
  }
}
