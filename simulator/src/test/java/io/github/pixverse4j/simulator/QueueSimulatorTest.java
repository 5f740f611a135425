package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The family's wire settings as configured: paths, result path, auth scheme, error field names. */
class QueueSimulatorTest {
  private static final String KEY = "queue-sim-key-77";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final QueueSimulator.Settings SETTINGS =
      QueueSimulator.Settings.builder("acme")
          .submitPath("/acme/model/v2/i2v")
          .appPath("/acme/model")
          .resultAtRequestPath(true)
          .authScheme("Key")
          .errorDetailField("message")
          .errorTypeField("kind")
          .errorTypeHeader("X-Acme-Error")
          .validator(
              body ->
                  body.path("image_url").isTextual()
                      ? Collections.emptyList()
                      : Collections.singletonList(QueueSimulator.missing("image_url")))
          .build();

  private QueueSimulator sim;
  private final Http http = new Http();

  @BeforeEach
  void start() {
    sim = new QueueSimulator(SETTINGS, KEY).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return MAPPER.readTree(r.body());
  }

  @Test
  @DisplayName(
      "the configured scheme is required: Key passes, Bearer with the right key is 401 with the"
          + " configured detail field")
  void authScheme() throws Exception {
    HttpResponse<byte[]> bearer =
        http.post(
            sim.baseUrl() + "/acme/model/v2/i2v",
            "{\"image_url\":\"https://e.example/a.png\"}",
            "Authorization",
            "Bearer " + KEY,
            "Content-Type",
            "application/json");
    assertThat(bearer.statusCode()).isEqualTo(401);
    assertThat(json(bearer).get("message").asText()).contains("API key");
    HttpResponse<byte[]> key =
        http.post(
            sim.baseUrl() + "/acme/model/v2/i2v",
            "{\"image_url\":\"https://e.example/a.png\"}",
            "Authorization",
            "Key " + KEY,
            "Content-Type",
            "application/json");
    assertThat(key.statusCode()).as(Http.utf8(key)).isEqualTo(200);
    String id = json(key).get("request_id").asText();
    assertThat(id).startsWith("req_");
    assertThat(json(key).get("status_url").asText())
        .isEqualTo(sim.baseUrl() + "/acme/model/requests/" + id + "/status");
    assertThat(json(key).get("response_url").asText())
        .isEqualTo(sim.baseUrl() + "/acme/model/requests/" + id);
  }

  @Test
  @DisplayName(
      "status and result live under the app path, the result at …/requests/{id}; errors use the"
          + " configured fields and header")
  void appPathAndErrorFields() throws Exception {
    sim.nextJobs(Lifecycle.builder().moderated("no"));
    HttpResponse<byte[]> invalid =
        http.post(
            sim.baseUrl() + "/acme/model/v2/i2v",
            "{}",
            "Authorization",
            "Key " + KEY,
            "Content-Type",
            "application/json");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).get("message").get(0).get("loc").get(1).asText())
        .isEqualTo("image_url");
    String id =
        json(http.post(
                sim.baseUrl() + "/acme/model/v2/i2v",
                "{\"image_url\":\"x\"}",
                "Authorization",
                "Key " + KEY,
                "Content-Type",
                "application/json"))
            .get("request_id")
            .asText();
    HttpResponse<byte[]> status =
        http.get(
            sim.baseUrl() + "/acme/model/requests/" + id + "/status",
            "Authorization",
            "Key " + KEY);
    assertThat(json(status).get("status").asText()).isEqualTo("COMPLETED");
    HttpResponse<byte[]> result =
        http.get(sim.baseUrl() + "/acme/model/requests/" + id, "Authorization", "Key " + KEY);
    assertThat(result.statusCode()).isEqualTo(422);
    assertThat(json(result).get("kind").asText()).isEqualTo(QueueSimulator.MODERATION_ERROR_TYPE);
    assertThat(json(result).get("message").get(0).get("msg").asText()).isEqualTo("no");
    assertThat(result.headers().firstValue("X-Acme-Error"))
        .contains(QueueSimulator.MODERATION_ERROR_TYPE);
    assertThat(
            http.get(
                    sim.baseUrl() + "/acme/model/requests/" + id + "/response",
                    "Authorization",
                    "Key " + KEY)
                .statusCode())
        .isEqualTo(404);
    assertThat(sim.requests("result")).hasSize(1);
  }

  @Test
  @DisplayName("routes must start with '/' and not end with it")
  void routes() {
    assertThatThrownBy(() -> QueueSimulator.Settings.builder("acme").submitPath("acme/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueueSimulator.Settings.builder("acme").appPath("/acme/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
