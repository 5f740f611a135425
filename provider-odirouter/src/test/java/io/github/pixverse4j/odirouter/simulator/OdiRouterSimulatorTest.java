package io.github.pixverse4j.odirouter.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Http;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OdiRouterSimulatorTest {
  private static final String KEY = "odi-test-key-42";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DOC_BODY =
      "{\"image\":\"https://example.com/reference-image.webp\",\"prompt\":\"A red apple slowly"
          + " rotating on a white table, clean studio lighting, static camera.\","
          + "\"duration\":5,\"quality\":\"540p\"}";

  private OdiRouterSimulator sim;
  private final Http http = new Http();

  @BeforeEach
  void start() {
    sim = new OdiRouterSimulator(KEY).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private String submitUrl() {
    return sim.baseUrl() + "/v1/queue/pixverse_v6_i2v";
  }

  private String requestUrl(String id) {
    return submitUrl() + "/requests/" + id;
  }

  private HttpResponse<byte[]> submit(String body) throws IOException, InterruptedException {
    return http.post(
        submitUrl(),
        body,
        Http.bearer(KEY)[0],
        Http.bearer(KEY)[1],
        "Content-Type",
        "application/json");
  }

  private String submitted() throws IOException, InterruptedException {
    HttpResponse<byte[]> r = submit(DOC_BODY);
    assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
    return json(r).get("request_id").asText();
  }

  private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    return http.get(url, Http.bearer(KEY));
  }

  private HttpResponse<byte[]> put(String url) throws IOException, InterruptedException {
    return http.client.send(
        Http.request(url, Http.bearer(KEY)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return MAPPER.readTree(r.body());
  }

  @Test
  @DisplayName("the doc's curl example is accepted with the four URLs and a queue position")
  void submitAnswer() throws Exception {
    sim.nextJobs(Lifecycle.builder().queued(2, 4).running(50).succeeded());
    JsonNode body = json(submit(DOC_BODY));
    String id = body.get("request_id").asText();
    assertThat(id).startsWith("mmsu_");
    assertThat(body.get("status_url").asText()).isEqualTo(requestUrl(id) + "/status");
    assertThat(body.get("response_url").asText()).isEqualTo(requestUrl(id) + "/response");
    assertThat(body.get("cancel_url").asText()).isEqualTo(requestUrl(id) + "/cancel");
    assertThat(body.get("queue_position").asInt()).isEqualTo(4);
    assertThat(sim.baseUrl()).endsWith("/model");
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a wrong or missing key is answered 401 with a detail, and no job is created")
  void auth() throws Exception {
    HttpResponse<byte[]> r = http.post(submitUrl(), DOC_BODY, "Authorization", "Bearer nope");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json(r).get("detail").asText()).isNotBlank();
    assertThat(http.post(submitUrl(), DOC_BODY).statusCode()).isEqualTo(401);
    assertThat(sim.jobCount()).isZero();
  }

  @Test
  @DisplayName("invalid submit bodies get 422 with one {loc, msg, type} per problem")
  void validation() throws Exception {
    HttpResponse<byte[]> r =
        submit(
            "{\"image\":\"/tmp/cat.png\",\"prompt\":\"\",\"duration\":16,"
                + "\"quality\":\"4k\",\"seed\":-1,\"generate_audio_switch\":\"yes\"}");
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode detail = json(r).get("detail");
    assertThat(detail).hasSize(6);
    assertThat(detail.findValuesAsText("type"))
        .contains("value_error.url", "int_range", "enum", "bool_type");
    assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"image\"]");

    assertThat(json(submit("{\"prompt\":\"x\"}")).get("detail").get(0).get("type").asText())
        .isEqualTo("missing");
    assertThat(submit("not json").statusCode()).isEqualTo(422);
    assertThat(
            submit("{\"image\":\"https://a.b/c.png\",\"prompt\":\"" + "p".repeat(5001) + "\"}")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            submit(
                    "{\"image\":\"https://a.b/c.png\",\"prompt\":\""
                        + "p".repeat(5000)
                        + "\",\"seed\":2147483647,"
                        + "\"duration\":15,\"generate_multi_clip_switch\":true}")
                .statusCode())
        .isEqualTo(200);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("status reads walk the lifecycle: IN_QUEUE with positions, IN_PROGRESS, COMPLETED")
  void lifecycle() throws Exception {
    sim.nextJobs(Lifecycle.builder().queued(2, 3).running(50).succeeded());
    String id = submitted();
    JsonNode s1 = json(get(requestUrl(id) + "/status"));
    assertThat(s1.get("status").asText()).isEqualTo("IN_QUEUE");
    assertThat(s1.get("queue_position").asInt()).isEqualTo(3);
    assertThat(s1.get("request_id").asText()).isEqualTo(id);
    assertThat(s1.has("logs")).isFalse();
    assertThat(json(get(requestUrl(id) + "/status")).get("queue_position").asInt()).isEqualTo(2);
    assertThat(json(get(requestUrl(id) + "/status")).get("status").asText())
        .isEqualTo("IN_PROGRESS");
    JsonNode done = json(get(requestUrl(id) + "/status"));
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("response_url").asText()).isEqualTo(requestUrl(id) + "/response");
    assertThat(sim.job(id).reads()).isEqualTo(4);
  }

  @Test
  @DisplayName("?logs=1 adds logs [{message, level, timestamp}]")
  void logs() throws Exception {
    sim.nextJobs(Lifecycle.builder().running(30).succeeded());
    String id = submitted();
    JsonNode s = json(get(requestUrl(id) + "/status?logs=1"));
    JsonNode line = s.get("logs").get(0);
    assertThat(line.get("message").asText()).contains("30%");
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  @DisplayName(
      "the result is 400 'still in progress' before completion, then the video, without moving the"
          + " script")
  void resultSuccess() throws Exception {
    sim.nextJobs(Lifecycle.builder().running(50).succeeded());
    String id = submitted();
    get(requestUrl(id) + "/status");
    HttpResponse<byte[]> early = get(requestUrl(id) + "/response");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(json(early).get("detail").asText()).containsIgnoringCase("in progress");
    get(requestUrl(id) + "/status");
    HttpResponse<byte[]> r = get(requestUrl(id) + "/response");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode video = json(r).get("video");
    assertThat(video.get("url").asText()).isEqualTo(sim.videoUrl(id));
    assertThat(video.get("content_type").asText()).isEqualTo("video/mp4");
    assertThat(video.get("file_size").asLong()).isEqualTo(sim.mediaBytes().length);
    assertThat(video.get("file_name").asText()).isEqualTo(id + ".mp4");
    assertThat(json(r).has("seed")).isTrue();
    assertThat(sim.job(id).reads()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a moderated job completes and its result is 422 content_policy_violation with"
          + " X-Fal-Error-Type")
  void resultModerated() throws Exception {
    sim.nextJobs(Lifecycle.builder().moderated("nudity"));
    String id = submitted();
    assertThat(json(get(requestUrl(id) + "/status")).get("status").asText()).isEqualTo("COMPLETED");
    HttpResponse<byte[]> r = get(requestUrl(id) + "/response");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("X-Fal-Error-Type")).contains("content_policy_violation");
    assertThat(json(r).get("detail").get(0).get("type").asText())
        .isEqualTo("content_policy_violation");
    assertThat(json(r).get("detail").get(0).get("msg").asText()).isEqualTo("nudity");
  }

  @Test
  @DisplayName("a failed job's result is 500 {detail, error_type}; an expired one 404")
  void resultFailedAndExpired() throws Exception {
    sim.nextJobs(Lifecycle.builder().failed("GPU fell over"), Lifecycle.builder().expired());
    String failed = submitted();
    get(requestUrl(failed) + "/status");
    HttpResponse<byte[]> r = get(requestUrl(failed) + "/response");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).get("detail").asText()).isEqualTo("GPU fell over");
    assertThat(json(r).get("error_type").asText()).isEqualTo("internal_error");
    assertThat(r.headers().firstValue("X-Fal-Error-Type")).contains("internal_error");

    String expired = submitted();
    assertThat(json(get(requestUrl(expired) + "/status")).get("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(get(requestUrl(expired) + "/response").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName(
      "cancel: 202 CANCELLATION_REQUESTED while running, then the status is CANCELLED; 400 once"
          + " done; 404 unknown")
  void cancel() throws Exception {
    sim.nextJobs(Lifecycle.builder().runningFor(100).succeeded(), Lifecycle.immediateSuccess());
    String running = submitted();
    get(requestUrl(running) + "/status");
    HttpResponse<byte[]> c = put(requestUrl(running) + "/cancel");
    assertThat(c.statusCode()).isEqualTo(202);
    assertThat(json(c).get("status").asText()).isEqualTo("CANCELLATION_REQUESTED");
    assertThat(json(get(requestUrl(running) + "/status")).get("status").asText())
        .isEqualTo("CANCELLED");
    sim.cancelledStatusValue("CANCELED");
    assertThat(json(get(requestUrl(running) + "/status")).get("status").asText())
        .isEqualTo("CANCELED");

    String done = submitted();
    get(requestUrl(done) + "/status");
    HttpResponse<byte[]> late = put(requestUrl(done) + "/cancel");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(json(late).get("status").asText()).isEqualTo("ALREADY_COMPLETED");

    HttpResponse<byte[]> unknown = put(requestUrl("mmsu_nope") + "/cancel");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).get("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(sim.requestCount("cancel")).isEqualTo(3);
  }

  @Test
  @DisplayName("status and result of an unknown id are 404 {detail}; the media URL needs no key")
  void unknownAndMedia() throws Exception {
    assertThat(get(requestUrl("mmsu_x") + "/status").statusCode()).isEqualTo(404);
    assertThat(json(get(requestUrl("mmsu_x") + "/response")).get("detail").asText())
        .isEqualTo("Request not found");
    sim.nextJobs(Lifecycle.immediateSuccess());
    String id = submitted();
    HttpResponse<byte[]> media = http.get(sim.videoUrl(id));
    assertThat(media.statusCode()).isEqualTo(200);
    assertThat(media.body()).isEqualTo(sim.mediaBytes());
    assertThat(sim.handlerFailures()).isEmpty();
  }

  @Test
  @DisplayName("faults apply to the endpoint names submit, status, result and cancel")
  void faultsByName() throws Exception {
    sim.faults().on("result").call(1).respond(Fault.status(503, "{}"));
    sim.nextJobs(Lifecycle.immediateSuccess());
    String id = submitted();
    get(requestUrl(id) + "/status");
    assertThat(get(requestUrl(id) + "/response").statusCode()).isEqualTo(503);
    assertThat(get(requestUrl(id) + "/response").statusCode()).isEqualTo(200);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
    assertThat(sim.requestCount("status")).isEqualTo(1);
    assertThat(sim.requestCount("result")).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "registered through ServiceLoader from this module's jar, with a consistent description")
  void registered() throws Exception {
    SimulatorFactoryChecks.assertRegistered("odirouter", OdiRouterSimulator.class, KEY);
  }
}
