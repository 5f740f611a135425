package io.github.pixverse4j.gmi.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pixverse4j.simulator.Http;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.SimClock;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GmiSimulator against GMI's pixverse-v6-i2v page, over real HTTP. */
class GmiSimulatorTest {
  private static final String KEY = "gmi-sim-key-0123456789";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DOC_BODY =
      "{\"model\":\"pixverse-v6-i2v\",\"payload\":{\"prompt\":\"A cinematic shot of a futuristic"
          + " city at sunset.\","
          + "\"image\":\"https://example.com/start_frame.jpg\",\"duration\":5,\"quality\":\"1080p\","
          + "\"generate_audio_switch\":true}}";

  private GmiSimulator sim;
  private final Http http = new Http();

  @BeforeEach
  void start() {
    sim = new GmiSimulator(KEY).start();
  }

  @AfterEach
  void stop() {
    assertThat(sim.handlerFailures()).as("simulator handler failures").isEmpty();
    sim.close();
  }

  private String url(String path) {
    return sim.baseUrl() + path;
  }

  private HttpResponse<byte[]> post(String body, String... headers)
      throws IOException, InterruptedException {
    String[] h = headers.length == 0 ? Http.bearer(KEY) : headers;
    return http.post(url("/requests"), body, h);
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return MAPPER.readTree(r.body());
  }

  private String submit() throws Exception {
    HttpResponse<byte[]> r = post(DOC_BODY);
    assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
    return json(r).get("request_id").asText();
  }

  private JsonNode status(String id) throws Exception {
    HttpResponse<byte[]> r = http.get(url("/requests/" + id), Http.bearer(KEY));
    assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
    return json(r);
  }

  private List<String> statuses(String id, int reads) throws Exception {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < reads; i++) out.add(status(id).get("status").asText());
    return out;
  }

  @Test
  @DisplayName(
      "registered through ServiceLoader from this module's jar, with a consistent description")
  void registered() throws Exception {
    SimulatorFactoryChecks.assertRegistered("gmi", GmiSimulator.class, KEY);
  }

  @Test
  @DisplayName("the base path is /api/v1/ie/requestqueue/apikey")
  void basePath() {
    assertThat(sim.baseUrl())
        .endsWith("/api/v1/ie/requestqueue/apikey")
        .startsWith("http://127.0.0.1:");
  }

  @Nested
  @DisplayName("auth")
  class Auth {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"none", "wrong", "not bearer"})
    @DisplayName("every route answers 401 JSON without the right Bearer key, and creates nothing")
    void unauthorized(String kind) throws Exception {
      String[] headers =
          switch (kind) {
            case "none" -> new String[] {"X-Other", "1"};
            case "wrong" -> Http.bearer("wrong-key");
            default -> new String[] {"Authorization", KEY};
          };
      for (HttpResponse<byte[]> r :
          List.of(
              post(DOC_BODY, headers),
              http.get(url("/requests/x"), headers),
              http.get(url("/models"), headers))) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isNotBlank();
      }
      assertThat(sim.jobCount()).isZero();
    }
  }

  @Nested
  @DisplayName("submit")
  class Submit {
    @Test
    @DisplayName(
        "the doc's curl body is accepted: request_id, model, status queued and Unix-second"
            + " timestamps")
    void docExample() throws Exception {
      SimClock clock = new SimClock(Instant.ofEpochSecond(1772184500L));
      sim.clock(clock);
      HttpResponse<byte[]> r = post(DOC_BODY);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode body = json(r);
      assertThat(body.get("request_id").asText()).isEqualTo(sim.jobs().get(0).id());
      assertThat(body.get("model").asText()).isEqualTo("pixverse-v6-i2v");
      assertThat(body.get("status").asText()).isEqualTo("queued");
      assertThat(body.get("created_at").asLong()).isEqualTo(1772184500L);
      assertThat(body.get("updated_at").asLong()).isEqualTo(1772184500L);
      assertThat(body.get("queued_at").asLong()).isEqualTo(1772184500L);
      assertThat(MAPPER.readTree(sim.requests("submit").get(0).body()))
          .isEqualTo(MAPPER.readTree(DOC_BODY));
    }

    @Test
    @DisplayName("request ids are distinct UUIDs")
    void ids() throws Exception {
      String a = submit();
      String b = submit();
      assertThat(a)
          .isNotEqualTo(b)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(sim.jobCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("every optional field within its limits is accepted")
    void allFields() throws Exception {
      ObjectNode body = (ObjectNode) MAPPER.readTree(DOC_BODY);
      ((ObjectNode) body.get("payload"))
          .put("generate_multi_clip_switch", false)
          .put("seed", 2147483647L)
          .put("duration", 15)
          .put("quality", "360p")
          .put("prompt", "x".repeat(5000));
      assertThat(post(body.toString()).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "not json",
          "[]",
          "{\"payload\":{}}",
          "{\"model\":\"pixverse-v5-i2v\",\"payload\":{}}",
          "{\"model\":\"pixverse-v6-i2v\"}",
          "/payload/prompt=",
          "/payload/prompt=LONG",
          "/payload/image=",
          "/payload/image=file:///tmp/cat.png",
          "/payload/duration=",
          "/payload/duration=0",
          "/payload/duration=16",
          "/payload/duration=5.5",
          "/payload/quality=",
          "/payload/quality=4k",
          "/payload/generate_audio_switch=yes",
          "/payload/seed=-1",
          "/payload/seed=2147483648",
          "/payload/negative_prompt=blurry"
        })
    @DisplayName("a body that breaks the doc's rules is a 400 with a JSON error, and no job")
    void invalid(String change) throws Exception {
      String body = change.startsWith("/payload/") ? changed(change) : change;
      HttpResponse<byte[]> r = post(body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(json(r).get("error").asText()).isNotBlank();
      assertThat(sim.jobCount()).isZero();
    }

    /** The doc body with one payload field removed ("field=") or replaced ("field=value"). */
    private String changed(String change) throws IOException {
      String[] parts = change.substring("/payload/".length()).split("=", 2);
      ObjectNode body = (ObjectNode) MAPPER.readTree(DOC_BODY);
      ObjectNode payload = (ObjectNode) body.get("payload");
      String field = parts[0];
      String value = parts[1];
      if (value.isEmpty()) {
        payload.remove(field);
      } else if (value.equals("LONG")) {
        payload.put(field, "x".repeat(5001));
      } else if (value.matches("-?[0-9]+")) {
        payload.put(field, Long.parseLong(value));
      } else if (value.matches("[0-9]+\\.[0-9]+")) {
        payload.put(field, Double.parseDouble(value));
      } else {
        payload.put(field, value);
      }
      return body.toString();
    }
  }

  @Nested
  @DisplayName("status")
  class Status {
    @Test
    @DisplayName(
        "queued → dispatched → processing → success with outcome.media_urls; outcome is null until"
            + " then")
    void success() throws Exception {
      sim.nextJobs(Lifecycle.builder().queued(1).running(30, 60, 90).succeeded());
      String id = submit();
      List<JsonNode> reads = new ArrayList<>();
      for (int i = 0; i < 5; i++) reads.add(status(id));
      assertThat(reads)
          .extracting(n -> n.get("status").asText())
          .containsExactly("queued", "dispatched", "processing", "processing", "success");
      for (JsonNode n : reads.subList(0, 4)) {
        assertThat(n.has("outcome")).isTrue();
        assertThat(n.get("outcome").isNull()).isTrue();
        assertThat(n.get("request_id").asText()).isEqualTo(id);
        assertThat(n.get("model").asText()).isEqualTo("pixverse-v6-i2v");
      }
      JsonNode media = reads.get(4).get("outcome").get("media_urls");
      assertThat(media).hasSize(1);
      assertThat(media.get(0).get("id").asText()).isEqualTo("0");
      assertThat(media.get(0).get("url").asText()).isEqualTo(sim.videoUrl(id));
      assertThat(reads.get(4).has("error")).isFalse();
    }

    @Test
    @DisplayName(
        "videoUrlOnly(true) puts the video in outcome.video_url instead; reset() restores"
            + " media_urls")
    void videoUrlOnly() throws Exception {
      sim.videoUrlOnly(true).nextJobs(Lifecycle.immediateSuccess());
      JsonNode outcome = status(submit()).get("outcome");
      assertThat(outcome.has("media_urls")).isFalse();
      assertThat(outcome.get("video_url").asText()).startsWith("http://127.0.0.1:");
      sim.reset();
      sim.nextJobs(Lifecycle.immediateSuccess());
      assertThat(status(submit()).get("outcome").has("media_urls")).isTrue();
    }

    @Test
    @DisplayName("a failure fills error and outcome.error, error_code, error_source")
    void failed() throws Exception {
      sim.nextJobs(Lifecycle.builder().queued(1).failed("the generator broke"));
      String id = submit();
      assertThat(statuses(id, 1)).containsExactly("queued");
      JsonNode n = status(id);
      assertThat(n.get("status").asText()).isEqualTo("failed");
      assertThat(n.get("error").asText()).isEqualTo("the generator broke");
      assertThat(n.get("outcome").get("error").asText()).isEqualTo("the generator broke");
      assertThat(n.get("outcome").get("error_code").asText()).isEqualTo(GmiSimulator.FAILURE_CODE);
      assertThat(n.get("outcome").get("error_source").asText()).isEqualTo("upstream");
    }

    @Test
    @DisplayName("a moderated job fails with the moderation error code")
    void moderated() throws Exception {
      sim.nextJobs(Lifecycle.builder().moderated("sensitive content"));
      JsonNode n = status(submit());
      assertThat(n.get("status").asText()).isEqualTo("failed");
      assertThat(n.get("outcome").get("error_code").asText())
          .isEqualTo(GmiSimulator.MODERATION_CODE);
      assertThat(n.get("outcome").get("error_source").asText()).isEqualTo("moderation");
      assertThat(n.get("error").asText()).isEqualTo("sensitive content");
    }

    @Test
    @DisplayName("a cancelled job reads cancelled, and stays so")
    void cancelled() throws Exception {
      sim.nextJobs(Lifecycle.builder().queued(1).cancelled());
      assertThat(statuses(submit(), 3)).containsExactly("queued", "cancelled", "cancelled");
    }

    @Test
    @DisplayName("an unknown or expired request is a 404 with a JSON error")
    void notFound() throws Exception {
      HttpResponse<byte[]> unknown = http.get(url("/requests/no-such-id"), Http.bearer(KEY));
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(json(unknown).get("error").asText()).isNotBlank();
      sim.nextJobs(Lifecycle.builder().queued(1).expired());
      String id = submit();
      status(id);
      HttpResponse<byte[]> expired = http.get(url("/requests/" + id), Http.bearer(KEY));
      assertThat(expired.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a timed job shows dispatched once, then processing, in simulator time")
    void timed() throws Exception {
      SimClock clock = new SimClock(Instant.ofEpochSecond(1772184500L));
      sim.clock(clock);
      sim.nextJobs(
          Lifecycle.timed()
              .queued(Duration.ofSeconds(10))
              .running(Duration.ofSeconds(10))
              .succeeded());
      String id = submit();
      assertThat(status(id).get("status").asText()).isEqualTo("queued");
      clock.advance(Duration.ofSeconds(11));
      JsonNode dispatched = status(id);
      assertThat(dispatched.get("status").asText()).isEqualTo("dispatched");
      assertThat(dispatched.get("created_at").asLong()).isEqualTo(1772184500L);
      assertThat(dispatched.get("updated_at").asLong()).isEqualTo(1772184511L);
      assertThat(status(id).get("status").asText()).isEqualTo("processing");
      clock.advance(Duration.ofSeconds(10));
      assertThat(status(id).get("status").asText()).isEqualTo("success");
    }
  }

  @Nested
  @DisplayName("models and faults")
  class ModelsAndFaults {
    @Test
    @DisplayName("GET /models lists model_ids, pixverse-v6-i2v among them by default")
    void models() throws Exception {
      HttpResponse<byte[]> r = http.get(url("/models"), Http.bearer(KEY));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).get("model_ids")).extracting(JsonNode::asText).contains("pixverse-v6-i2v");
      sim.modelIds("a", "b");
      assertThat(json(http.get(url("/models"), Http.bearer(KEY))).get("model_ids"))
          .extracting(JsonNode::asText)
          .containsExactly("a", "b");
    }

    @Test
    @DisplayName("a 503 burst on submit answers the capacity error, creates no job, then accepts")
    void capacityBurst() throws Exception {
      sim.burst("submit", 1, 2, GmiSimulator.capacityExhausted());
      for (int i = 0; i < 2; i++) {
        HttpResponse<byte[]> r = post(DOC_BODY);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(json(r).get("error").asText())
            .isEqualTo("Upstream capacity temporarily exhausted");
        assertThat(r.headers().firstValue("Retry-After")).isEmpty();
      }
      assertThat(sim.jobCount()).isZero();
      submit();
      assertThat(sim.jobCount()).isEqualTo(1);
    }

    @Test
    @DisplayName(
        "a 429 burst on status answers Retry-After: 1, then the job continues where it was")
    void rateLimitBurst() throws Exception {
      sim.nextJobs(Lifecycle.builder().queued(1).runningFor(1).succeeded());
      String id = submit();
      sim.burst("status", 2, 3, GmiSimulator.rateLimited());
      assertThat(status(id).get("status").asText()).isEqualTo("queued");
      for (int i = 0; i < 3; i++) {
        HttpResponse<byte[]> r = http.get(url("/requests/" + id), Http.bearer(KEY));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
        assertThat(json(r).get("error").asText()).isNotBlank();
      }
      assertThat(statuses(id, 2)).containsExactly("dispatched", "success");
    }
  }
}
