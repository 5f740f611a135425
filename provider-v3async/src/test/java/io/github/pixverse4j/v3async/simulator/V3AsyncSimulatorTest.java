package io.github.pixverse4j.v3async.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.Http;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class V3AsyncSimulatorTest {
  static final String KEY = "sk-v3async-test-0123456789";
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String V6_OK =
      "{\"seed\":123,\"image\":\"https://example.com/cat.png\",\"prompt\":\"a cat\","
          + "\"duration\":5,\"cfg_scale\":0.5,\"resolution\":\"720p\",\"thinking_type\":\"auto\","
          + "\"negative_prompt\":\"blur\",\"generate_audio_switch\":true}";
  static final String V45_OK =
      "{\"prompt\":\"a cat\",\"image\":\"https://example.com/cat.png\","
          + "\"resolution\":\"540p\",\"negative_prompt\":\"blur\",\"fast_mode\":true,\"style\":\"anime\",\"seed\":123}";

  final Http http = new Http();
  V3AsyncSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) sim.close();
  }

  @Test
  @DisplayName(
      "both models registered through ServiceLoader from this module's jar, in order, with"
          + " consistent descriptions")
  void registered() throws Exception {
    assertThat(SimulatorFactory.load(getClass().getClassLoader()))
        .extracting(SimulatorFactory::providerId)
        .containsSubsequence("highway", "myrouter");
    assertThat(
            SimulatorFactoryChecks.assertRegistered("highway", V3AsyncSimulator.class, KEY).model())
        .isEqualTo(V3AsyncSimulator.Model.PIXVERSE_V6_I2V);
    assertThat(
            SimulatorFactoryChecks.assertRegistered("myrouter", V3AsyncSimulator.class, KEY)
                .model())
        .isEqualTo(V3AsyncSimulator.Model.PIXVERSE_V4_5_I2V);
  }

  HttpResponse<byte[]> submit(String model, String body, String... headers)
      throws IOException, InterruptedException {
    return http.post(
        sim.baseUrl() + "/v3/async/" + model,
        body,
        headers.length == 0 ? Http.bearer(KEY) : headers);
  }

  HttpResponse<byte[]> result(String taskId) throws IOException, InterruptedException {
    return http.get(sim.baseUrl() + "/v3/async/task-result?task_id=" + taskId, Http.bearer(KEY));
  }

  static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    return MAPPER.readTree(r.body());
  }

  static void assertEnvelope(HttpResponse<byte[]> r, int status, String reason) throws IOException {
    assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.get("code").asInt()).isEqualTo(status);
    assertThat(body.get("reason").asText()).isEqualTo(reason);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("metadata").isObject()).isTrue();
  }

  String submitOk() throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        sim.model() == V3AsyncSimulator.Model.PIXVERSE_V6_I2V
            ? submit("pixverse-v6-i2v", V6_OK)
            : submit("pixverse-v4.5-i2v", V45_OK);
    assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
    return json(r).get("task_id").asText();
  }

  @Nested
  @DisplayName("PixVerse V6 (highwayapi)")
  class V6 {
    @Test
    @DisplayName("the doc's full body is accepted and answered with a task_id")
    void accepts() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      String id = submitOk();
      assertThat(id).isNotBlank();
      assertThat(sim.jobCount()).isEqualTo(1);
      assertThat(sim.requests("submit")).hasSize(1);
    }

    @Test
    @DisplayName("an empty prompt is accepted (0 - 2500), a prompt of 2501 characters is not")
    void promptLimits() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      assertThat(
              submit("pixverse-v6-i2v", "{\"image\":\"https://e.com/a.png\",\"prompt\":\"\"}")
                  .statusCode())
          .isEqualTo(200);
      HttpResponse<byte[]> r =
          submit(
              "pixverse-v6-i2v",
              "{\"image\":\"https://e.com/a.png\",\"prompt\":\"" + "a".repeat(2501) + "\"}");
      assertEnvelope(r, 400, "INVALID_REQUEST_BODY");
      assertThat(json(r).get("message").asText()).contains("2500");
    }

    @Test
    @DisplayName(
        "every violated field is named in one INVALID_REQUEST_BODY answer, and no job is created")
    void violations() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      HttpResponse<byte[]> r =
          submit(
              "pixverse-v6-i2v",
              "{\"image\":\"file:///cat.png\",\"duration\":16,"
                  + "\"cfg_scale\":1.5,\"resolution\":\"4k\",\"seed\":\"x\",\"generate_audio_switch\":\"yes\","
                  + "\"negative_prompt\":\""
                  + "n".repeat(2501)
                  + "\"}");
      assertEnvelope(r, 400, "INVALID_REQUEST_BODY");
      assertThat(json(r).get("message").asText())
          .contains(
              "image",
              "prompt is required",
              "duration",
              "cfg_scale",
              "resolution",
              "seed",
              "generate_audio_switch",
              "negative_prompt");
      assertThat(sim.jobCount()).isZero();
    }

    @Test
    @DisplayName("duration 1 and 15 are accepted, 0 is not")
    void durationBounds() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      String base = "{\"image\":\"https://e.com/a.png\",\"prompt\":\"p\",\"duration\":";
      assertThat(submit("pixverse-v6-i2v", base + "1}").statusCode()).isEqualTo(200);
      assertThat(submit("pixverse-v6-i2v", base + "15}").statusCode()).isEqualTo(200);
      assertEnvelope(submit("pixverse-v6-i2v", base + "0}"), 400, "INVALID_REQUEST_BODY");
    }

    @Test
    @DisplayName(
        "another model path answers 404, a .gif image INVALID_IMAGE_FORMAT, a non-JSON body"
            + " INVALID_REQUEST_BODY")
    void otherRejections() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      assertThat(submit("pixverse-v4.5-i2v", V45_OK).statusCode()).isEqualTo(404);
      assertEnvelope(
          submit("pixverse-v6-i2v", "{\"image\":\"https://e.com/a.GIF\",\"prompt\":\"p\"}"),
          400,
          "INVALID_IMAGE_FORMAT");
      assertEnvelope(submit("pixverse-v6-i2v", "not json"), 400, "INVALID_REQUEST_BODY");
      assertThat(sim.jobCount()).isZero();
    }
  }

  @Nested
  @DisplayName("PixVerse V4.5 (myrouter)")
  class V45 {
    @Test
    @DisplayName("the doc's full body is accepted")
    void accepts() throws Exception {
      sim = V3AsyncSimulator.myrouter(KEY).start();
      assertThat(submitOk()).isNotBlank();
    }

    @Test
    @DisplayName(
        "resolution is required, fast_mode excludes 1080p, style and prompt length are checked")
    void rules() throws Exception {
      sim = V3AsyncSimulator.myrouter(KEY).start();
      HttpResponse<byte[]> noResolution =
          submit("pixverse-v4.5-i2v", "{\"image\":\"https://e.com/a.png\",\"prompt\":\"p\"}");
      assertEnvelope(noResolution, 400, "INVALID_REQUEST_BODY");
      assertThat(json(noResolution).get("message").asText()).contains("resolution is required");

      HttpResponse<byte[]> fast1080 =
          submit(
              "pixverse-v4.5-i2v",
              "{\"image\":\"https://e.com/a.png\",\"prompt\":\"p\",\"resolution\":\"1080p\",\"fast_mode\":true}");
      assertEnvelope(fast1080, 400, "INVALID_REQUEST_BODY");
      assertThat(json(fast1080).get("message").asText()).contains("fast_mode");
      assertThat(
              submit(
                      "pixverse-v4.5-i2v",
                      "{\"image\":\"https://e.com/a.png\",\"prompt\":\"p\",\"resolution\":\"1080p\",\"fast_mode\":false}")
                  .statusCode())
          .isEqualTo(200);

      HttpResponse<byte[]> bad =
          submit(
              "pixverse-v4.5-i2v",
              "{\"image\":\"https://e.com/a.png\",\"prompt\":\""
                  + "a".repeat(2049)
                  + "\",\"resolution\":\"540p\",\"style\":\"watercolor\"}");
      assertEnvelope(bad, 400, "INVALID_REQUEST_BODY");
      assertThat(json(bad).get("message").asText()).contains("2048", "style");

      assertEnvelope(
          submit(
              "pixverse-v4.5-i2v",
              "{\"image\":\"https://e.com/a.png\",\"prompt\":\" \",\"resolution\":\"540p\"}"),
          400,
          "INVALID_REQUEST_BODY");
      assertThat(sim.jobCount()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("task results")
  class Results {
    @Test
    @DisplayName(
        "a lifecycle is rendered read by read: queued, processing with progress and eta, succeed"
            + " with a video; always HTTP 200")
    void lifecycle() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      sim.nextJobs(
          Lifecycle.builder()
              .queued(1)
              .running(30, 60)
              .withEta(Duration.ofSeconds(20), Duration.ofSeconds(10))
              .succeeded());
      String id = submitOk();
      JsonNode q = json(result(id));
      assertThat(q.at("/task/task_id").asText()).isEqualTo(id);
      assertThat(q.at("/task/status").asText()).isEqualTo("TASK_STATUS_QUEUED");
      assertThat(q.at("/task/eta").asInt()).isZero();
      JsonNode r1 = json(result(id));
      assertThat(r1.at("/task/status").asText()).isEqualTo("TASK_STATUS_PROCESSING");
      assertThat(r1.at("/task/progress_percent").asInt()).isEqualTo(30);
      assertThat(r1.at("/task/eta").asInt()).isEqualTo(20);
      assertThat(json(result(id)).at("/task/eta").asInt()).isEqualTo(10);
      HttpResponse<byte[]> done = result(id);
      assertThat(done.statusCode()).isEqualTo(200);
      JsonNode s = json(done);
      assertThat(s.at("/task/status").asText()).isEqualTo("TASK_STATUS_SUCCEED");
      assertThat(s.at("/videos/0/video_url").asText()).isEqualTo(sim.videoUrl(id));
      assertThat(s.at("/videos/0/video_url_ttl").asText()).isEqualTo("3600");
      assertThat(s.at("/videos/0/video_type").asText()).isEqualTo("mp4");
      assertThat(s.at("/extra/seed").asText()).isEqualTo("123");
      assertThat(s.get("images").isArray()).isTrue();
      assertThat(s.get("audios").isArray()).isTrue();
      assertThat(sim.requests("status")).hasSize(4);
      assertThat(sim.handlerFailures()).isEmpty();
    }

    @Test
    @DisplayName(
        "failed, moderated and cancelled tasks are HTTP 200 TASK_STATUS_FAILED with a reason")
    void failures() throws Exception {
      sim = V3AsyncSimulator.myrouter(KEY).start();
      sim.nextJobs(
          Lifecycle.builder().failed("the generator broke"),
          Lifecycle.builder().moderated("sensitive content"),
          Lifecycle.builder().queued(5).succeeded());
      List<String> ids = List.of(submitOk(), submitOk(), submitOk());
      sim.job(ids.get(2)).cancel();
      List<String> reasons = new java.util.ArrayList<>();
      for (String id : ids) {
        HttpResponse<byte[]> r = result(id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/task/status").asText()).isEqualTo("TASK_STATUS_FAILED");
        assertThat(json(r).get("videos")).isEmpty();
        reasons.add(json(r).at("/task/reason").asText());
      }
      assertThat(reasons)
          .containsExactly(
              "the generator broke", "ILLEGAL_IMAGE_CONTENT: sensitive content", "TASK_CANCELLED");
    }

    @Test
    @DisplayName("with emitZeroValues(false) unknown eta, progress and reason are left out")
    void noZeroValues() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start().emitZeroValues(false);
      sim.nextJobs(Lifecycle.builder().queued(1).runningFor(1).succeeded());
      String id = submitOk();
      JsonNode q = json(result(id)).get("task");
      assertThat(q.has("eta")).isFalse();
      assertThat(q.has("progress_percent")).isFalse();
      assertThat(q.has("reason")).isFalse();
      assertThat(json(result(id)).get("task").has("progress_percent")).isFalse();
    }

    @Test
    @DisplayName("an unknown or expired task answers 404 TASK_NOT_FOUND; a missing task_id 400")
    void notFound() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      assertEnvelope(result("nope"), 404, "TASK_NOT_FOUND");
      sim.nextJobs(Lifecycle.builder().expired());
      assertEnvelope(result(submitOk()), 404, "TASK_NOT_FOUND");
      assertEnvelope(
          http.get(sim.baseUrl() + "/v3/async/task-result", Http.bearer(KEY)),
          400,
          "INVALID_REQUEST_BODY");
    }
  }

  @Nested
  @DisplayName("callbacks")
  class Callbacks {
    final List<String[]> posts = new java.util.ArrayList<>();

    CallbackSender sender() {
      return sim.callbacksTo(
          (url, headers, body) -> {
            posts.add(new String[] {url, new String(body, StandardCharsets.UTF_8)});
            return new CallbackSender.Delivery(200, "ok");
          });
    }

    String submitWithWebhook(String url) throws Exception {
      String body =
          V6_OK.substring(0, V6_OK.length() - 1)
              + ",\"extra\":{\"webhook\":{\"url\":\""
              + url
              + "\"}}}";
      HttpResponse<byte[]> r = submit("pixverse-v6-i2v", body);
      assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
      return json(r).get("task_id").asText();
    }

    @Test
    @DisplayName(
        "ASYNC_TASK_RESULT with the task-result answer as payload, to the submit's URL, query"
            + " kept")
    void body() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      sim.nextJobs(Lifecycle.builder().failed("the generator broke"));
      CallbackSender sender = sender();
      String id = submitWithWebhook("http://127.0.0.1:9/hook?app=1&pv4j_token=tok");
      sim.sendCallback(id);
      assertThat(posts).hasSize(1);
      assertThat(posts.get(0)[0]).isEqualTo("http://127.0.0.1:9/hook?app=1&pv4j_token=tok");
      JsonNode event = MAPPER.readTree(posts.get(0)[1]);
      assertThat(event.get("event_type").asText()).isEqualTo("ASYNC_TASK_RESULT");
      assertThat(event.get("payload")).isEqualTo(json(result(id)));
      assertThat(event.at("/payload/task/status").asText()).isEqualTo("TASK_STATUS_FAILED");
      assertThat(sender.deliveries())
          .extracting(CallbackSender.Delivery::status)
          .containsExactly(200);
    }

    @Test
    @DisplayName("a success's payload names the video; the callback shows the end before a read")
    void success() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      sim.nextJobs(Lifecycle.builder().runningFor(1000).succeeded());
      sender();
      String id = submitWithWebhook("http://127.0.0.1:9/hook");
      sim.sendCallback(id);
      JsonNode payload = MAPPER.readTree(posts.get(0)[1]).get("payload");
      assertThat(payload.at("/task/status").asText()).isEqualTo("TASK_STATUS_SUCCEED");
      assertThat(payload.at("/videos/0/video_url").asText()).isNotBlank();
      assertThat(sim.requestCount("status")).isZero();
    }

    @Test
    @DisplayName(
        "faults: a forged callback alters every query value (the token), a lost one is not sent,"
            + " a duplicate is sent twice")
    void faults() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      sim.nextJobs(Lifecycle.builder().succeeded());
      sender()
          .nextFaults(
              CallbackSender.Fault.WRONG_SIGNATURE,
              CallbackSender.Fault.LOST,
              CallbackSender.Fault.DUPLICATED);
      String id = submitWithWebhook("http://127.0.0.1:9/hook?app=1&pv4j_token=tok");
      sim.sendCallback(id);
      sim.sendCallback(id);
      sim.sendCallback(id);
      assertThat(posts)
          .extracting(p -> p[0])
          .containsExactly(
              "http://127.0.0.1:9/hook?app=1-forged&pv4j_token=tok-forged",
              "http://127.0.0.1:9/hook?app=1&pv4j_token=tok",
              "http://127.0.0.1:9/hook?app=1&pv4j_token=tok");
    }

    @Test
    @DisplayName(
        "extra.webhook.url must be an http(s) URL; no callback without one or before callbacksTo")
    void preconditions() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      String plain = json(submit("pixverse-v6-i2v", V6_OK)).get("task_id").asText();
      assertThatThrownBy(() -> sim.sendCallback(plain)).isInstanceOf(IllegalStateException.class);
      sender();
      assertThatThrownBy(() -> sim.sendCallback(plain))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("extra.webhook.url");
      assertEnvelope(
          submit(
              "pixverse-v6-i2v",
              V6_OK.substring(0, V6_OK.length() - 1) + ",\"extra\":{\"webhook\":{\"url\":7}}}"),
          400,
          "INVALID_REQUEST_BODY");
      assertThat(posts).isEmpty();
    }
  }

  @Nested
  @DisplayName("auth")
  class Auth {
    @Test
    @DisplayName(
        "a wrong key answers 403 INVALID_API_KEY, no key 400 MISSING_API_KEY, and nothing is"
            + " created")
    void keys() throws Exception {
      sim = V3AsyncSimulator.highway(KEY).start();
      assertEnvelope(
          submit("pixverse-v6-i2v", V6_OK, Http.bearer("wrong")), 403, "INVALID_API_KEY");
      assertEnvelope(
          submit("pixverse-v6-i2v", V6_OK, "Content-Type", "application/json"),
          400,
          "MISSING_API_KEY");
      assertEnvelope(
          http.get(sim.baseUrl() + "/v3/async/task-result?task_id=x", Http.bearer("wrong")),
          403,
          "INVALID_API_KEY");
      assertThat(sim.jobCount()).isZero();
    }
  }
}
