package io.github.pixverse4j.odirouter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.queue.internal.QueueCancelResponse;
import io.github.pixverse4j.queue.internal.QueueErrors;
import io.github.pixverse4j.queue.internal.QueueMapping;
import io.github.pixverse4j.queue.internal.QueueResultResponse;
import io.github.pixverse4j.queue.internal.QueueStatusResponse;
import io.github.pixverse4j.queue.internal.QueueSubmitResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The documentation's examples (and fal's documented shapes) read into, and written from, the wire
 * types.
 */
class OdiRouterFixturesTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final QueueMapping MAPPING = new QueueMapping(OdiRouter.PROTOCOL);

  static String fixture(String name) throws IOException {
    try (InputStream in = OdiRouterFixturesTest.class.getResourceAsStream("/odirouter/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  @DisplayName(
      "the doc's curl body is exactly what the submit body writes; unset fields are left out")
  void submitBody() throws Exception {
    Map<String, Object> body =
        MAPPING.submitBody(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://example.com/reference-image.webp"))
                .prompt(
                    "A red apple slowly rotating on a white table, clean studio lighting, static"
                        + " camera.")
                .durationSeconds(5)
                .quality(Quality.P540)
                .build());
    JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(body));
    assertThat(written).isEqualTo(MAPPER.readTree(fixture("submit-request.json")));
    assertThat(MAPPER.readValue(fixture("submit-request.json"), Map.class)).isEqualTo(body);
  }

  @Test
  @DisplayName("every optional field has its wire name")
  void submitBodyAllFields() throws Exception {
    Map<String, Object> body =
        MAPPING.submitBody(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://a.example/i.png"))
                .prompt("p")
                .durationSeconds(15)
                .quality(Quality.P1080)
                .seed(2147483647L)
                .audio(true)
                .multiClip(false)
                .build());
    assertThat(MAPPER.writeValueAsString(body))
        .isEqualTo(
            "{\"image\":\"https://a.example/i.png\","
                + "\"prompt\":\"p\",\"duration\":15,\"quality\":\"1080p\",\"seed\":2147483647,"
                + "\"generate_audio_switch\":true,\"generate_multi_clip_switch\":false}");
  }

  @Test
  @DisplayName("the doc's submit answer reads with all four fields")
  void submitResponse() throws Exception {
    QueueSubmitResponse r =
        MAPPER.readValue(fixture("submit-response.json"), QueueSubmitResponse.class);
    assertThat(r.requestId()).isEqualTo("mmsu_01hxyz...");
    assertThat(r.statusUrl())
        .isEqualTo(
            "https://odirouter.ai/model/v1/queue/pixverse_v6_i2v/requests/mmsu_01hxyz.../status");
    assertThat(r.responseUrl()).endsWith("/requests/mmsu_01hxyz.../response");
    assertThat(r.cancelUrl()).endsWith("/requests/mmsu_01hxyz.../cancel");
    assertThat(r.queuePosition()).isZero();
  }

  @Test
  @DisplayName(
      "ids and numbers sent with the other JSON type still read; unknown fields are ignored")
  void lenientNumbers() throws Exception {
    QueueSubmitResponse r =
        MAPPER.readValue(
            "{\"request_id\":12345,\"queue_position\":\"7\",\"extra\":{\"x\":1}}",
            QueueSubmitResponse.class);
    assertThat(r.requestId()).isEqualTo("12345");
    assertThat(r.queuePosition()).isEqualTo(7);
    assertThat(r.statusUrl()).isNull();
  }

  @Test
  @DisplayName("the status answers (IN_QUEUE, IN_PROGRESS with logs, COMPLETED with metrics) read")
  void statuses() throws Exception {
    QueueStatusResponse queued =
        MAPPER.readValue(fixture("status-in-queue.json"), QueueStatusResponse.class);
    assertThat(queued.status()).isEqualTo("IN_QUEUE");
    assertThat(queued.queuePosition()).isEqualTo(2);
    assertThat(queued.requestId()).isEqualTo("mmsu_01hxyz...");
    QueueStatusResponse running =
        MAPPER.readValue(fixture("status-in-progress.json"), QueueStatusResponse.class);
    assertThat(running.status()).isEqualTo("IN_PROGRESS");
    assertThat(running.queuePosition()).isNull();
    QueueStatusResponse done =
        MAPPER.readValue(fixture("status-completed.json"), QueueStatusResponse.class);
    assertThat(done.status()).isEqualTo("COMPLETED");
  }

  @Test
  @DisplayName("a successful result reads video {url, content_type, file_name, file_size} and seed")
  void result() throws Exception {
    QueueResultResponse r =
        MAPPER.readValue(fixture("result-success.json"), QueueResultResponse.class);
    assertThat(r.video().url()).isEqualTo("https://cdn.odirouter.ai/outputs/mmsu_01hxyz.mp4");
    assertThat(r.video().contentType()).isEqualTo("video/mp4");
    assertThat(r.video().fileName()).isEqualTo("mmsu_01hxyz.mp4");
    assertThat(r.video().fileSize()).isEqualTo(4404019L);
    assertThat(r.seed()).isEqualTo(1234567L);
  }

  @Test
  @DisplayName("a cancel answer reads its status")
  void cancel() throws Exception {
    assertThat(
            MAPPER.readValue(fixture("cancel-requested.json"), QueueCancelResponse.class).status())
        .isEqualTo("CANCELLATION_REQUESTED");
  }

  @Test
  @DisplayName("a 422 detail list parses into items, the first type becomes the error type")
  void validationError() throws Exception {
    QueueErrors errors = new QueueErrors(OdiRouter.PROTOCOL, ApiKey.of("k-123456"));
    QueueErrors.Parsed p = errors.parse(422, Headers.of(), fixture("error-validation-422.json"));
    assertThat(p.errorType()).isEqualTo("less_than_equal");
    assertThat(p.message())
        .isEqualTo(
            "duration: Input should be less than or equal to 15; "
                + "generate_audio_switch: Input should be a valid boolean");
    assertThat(p.hasProviderError()).isTrue();
    assertThat(p.isModeration()).isFalse();
    TaskFailure f = errors.failure(p, FailureCategory.INVALID_INPUT);
    assertThat(f.category()).isEqualTo(FailureCategory.INVALID_INPUT);
    assertThat(f.providerCode()).contains("less_than_equal");
  }

  @Test
  @DisplayName("a request error reads detail text and error_type; the header wins over the body")
  void requestError() throws Exception {
    QueueErrors errors = new QueueErrors(OdiRouter.PROTOCOL, null);
    QueueErrors.Parsed p = errors.parse(504, Headers.of(), fixture("error-request-504.json"));
    assertThat(p.errorType()).isEqualTo("request_timeout");
    assertThat(p.message()).isEqualTo("Request timed out");
    QueueErrors.Parsed h =
        errors.parse(
            504,
            Headers.of("X-Fal-Error-Type", "startup_timeout"),
            fixture("error-request-504.json"));
    assertThat(h.errorType()).isEqualTo("startup_timeout");
    QueueErrors.Parsed text = errors.parse(500, Headers.of(), "<html>oops</html>");
    assertThat(text.errorType()).isNull();
    assertThat(text.message()).isNull();
    assertThat(text.hasProviderError()).isFalse();
  }

  @Test
  @DisplayName("content-policy, moderation and nsfw error types count as moderation; others do not")
  void moderationTypes() {
    assertThat(QueueErrors.isModerationType("content_policy_violation")).isTrue();
    assertThat(QueueErrors.isModerationType("CONTENT_MODERATION_FAILED")).isTrue();
    assertThat(QueueErrors.isModerationType("nsfw_content_detected")).isTrue();
    assertThat(QueueErrors.isModerationType("request_timeout")).isFalse();
    assertThat(QueueErrors.isModerationType(null)).isFalse();
  }

  @Test
  @DisplayName("the key is scrubbed from parsed messages and types")
  void scrubbed() {
    QueueErrors errors = new QueueErrors(OdiRouter.PROTOCOL, ApiKey.of("sekret-key-99"));
    QueueErrors.Parsed p =
        errors.parse(
            422,
            Headers.of(),
            "{\"detail\":[{\"loc\":[\"body\",\"sekret-key-99\"],\"msg\":\"bad"
                + " sekret-key-99\",\"type\":\"sekret-key-99\"}]}");
    assertThat(p.message() + p.errorType()).doesNotContain("sekret-key-99");
  }
}
