package io.github.pixverse4j.gmi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.Json;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GmiFixturesTest {
  private static final TaskHandle HANDLE =
      TaskHandle.of("gmi", "pixverse-v6-i2v", "8fbb88gd-cd78-5132-0g2c-07c4ge944225");
  private static final Instant NOW = Instant.parse("2026-06-05T10:00:00Z");

  private static TaskStatus status(String fixture) {
    return GmiMapping.toStatus(
        Fixtures.answers(NOW, null), HANDLE, Fixtures.read(fixture, GmiStatusResponse.class));
  }

  @Test
  @DisplayName("the doc's curl example is exactly the body built for the same request")
  void docCurlBody() throws Exception {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .prompt("A cinematic shot of a futuristic city at sunset.")
            .image(ImageInput.url("https://example.com/start_frame.jpg"))
            .durationSeconds(5)
            .quality(Quality.P1080)
            .audio(true)
            .build();
    String json = Json.mapper().writeValueAsString(GmiMapping.submitBody(request));
    JsonNode expected = Json.mapper().readTree(Fixtures.text("submit-request.json"));
    assertThat(Json.mapper().readTree(json)).isEqualTo(expected);
    assertThat(json).isEqualTo(Json.mapper().writeValueAsString(expected));
  }

  @Test
  @DisplayName("the doc's curl body reads back into the wire type")
  void docCurlBodyDeserializes() {
    GmiSubmitBody body = Fixtures.read("submit-request.json", GmiSubmitBody.class);
    assertThat(body.model()).isEqualTo("pixverse-v6-i2v");
    assertThat(body.payload().duration()).isEqualTo(5);
    assertThat(body.payload().quality()).isEqualTo("1080p");
    assertThat(body.payload().generateAudioSwitch()).isTrue();
    assertThat(body.payload().generateMultiClipSwitch()).isNull();
    assertThat(body.payload().seed()).isNull();
  }

  @Test
  @DisplayName(
      "unset optional fields are omitted; unset duration and quality send the documented defaults 5"
          + " and 540p")
  void minimalBody() throws Exception {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .prompt("")
            .image(ImageInput.url("https://example.com/a.png"))
            .build();
    assertThat(Json.mapper().writeValueAsString(GmiMapping.submitBody(request)))
        .isEqualTo(
            "{\"model\":\"pixverse-v6-i2v\",\"payload\":{\"prompt\":\"\",\"image\":\"https://example.com/a.png\","
                + "\"duration\":5,\"quality\":\"540p\"}}");
  }

  @Test
  @DisplayName("every optional field set is sent with GMI's names, false included")
  void fullBody() throws Exception {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .prompt("p")
            .image(ImageInput.url("https://example.com/a.png"))
            .durationSeconds(15)
            .quality(Quality.P360)
            .audio(false)
            .multiClip(true)
            .seed(2147483647L)
            .build();
    assertThat(Json.mapper().writeValueAsString(GmiMapping.submitBody(request)))
        .isEqualTo(
            "{\"model\":\"pixverse-v6-i2v\",\"payload\":{\"prompt\":\"p\",\"image\":\"https://example.com/a.png\","
                + "\"duration\":15,\"quality\":\"360p\",\"generate_audio_switch\":false,"
                + "\"generate_multi_clip_switch\":true,\"seed\":2147483647}}");
  }

  @Test
  @DisplayName("a local file is refused by the mapping too, saying to validate first")
  void fileImageRefused() {
    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .prompt("p")
            .image(ImageInput.file(java.nio.file.Paths.get("cat.png")))
            .build();
    assertThatThrownBy(() -> GmiMapping.submitBody(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only image URLs");
  }

  @Test
  @DisplayName("the doc's submit answer gives a handle with the request_id")
  void docSubmitResponse() {
    GmiSubmitResponse r = Fixtures.read("submit-response.json", GmiSubmitResponse.class);
    assertThat(r.createdAt()).isEqualTo(1772184500L);
    assertThat(r.status()).isEqualTo("queued");
    assertThat(GmiMapping.toHandle(Fixtures.answers(NOW, null), r)).isEqualTo(HANDLE);
  }

  @Test
  @DisplayName("a submit answer with all timestamps (one as a string) and unknown fields reads")
  void fullSubmitResponse() {
    GmiSubmitResponse r =
        Fixtures.read("assumed-submit-response-full.json", GmiSubmitResponse.class);
    assertThat(r.createdAt()).isEqualTo(1772184500L);
    assertThat(r.updatedAt()).isEqualTo(1772184500L);
    assertThat(r.queuedAt()).isEqualTo(1772184500L);
  }

  @Test
  @DisplayName("a submit answer without request_id is a MalformedResponseException")
  void submitWithoutId() throws Exception {
    GmiSubmitResponse r =
        Json.mapper().readValue("{\"status\":\"queued\"}", GmiSubmitResponse.class);
    assertThatThrownBy(() -> GmiMapping.toHandle(Fixtures.answers(NOW, null), r))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("request_id");
  }

  @Test
  @DisplayName("the doc's success answer maps to SUCCEEDED with the media_urls video")
  void docSuccess() {
    TaskStatus s = status("status-success.json");
    assertThat(s.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(s.rawStatus()).contains("success");
    assertThat(s.observedAt()).isEqualTo(NOW);
    assertThat(s.videos())
        .extracting(v -> v.url())
        .containsExactly(
            URI.create(
                "https://storage.googleapis.com/gmi-generated-assets/.../pixverse_output_0.mp4"));
  }

  @Test
  @DisplayName("a success with only outcome.video_url uses it")
  void videoUrlFallback() {
    TaskStatus s = status("assumed-status-success-video-url.json");
    assertThat(s.videos())
        .extracting(v -> v.url().toString())
        .containsExactly(
            "https://storage.googleapis.com/gmi-generated-assets/x/pixverse_output_0.mp4");
  }

  @Test
  @DisplayName("dispatched with outcome null is RUNNING")
  void dispatched() {
    TaskStatus s = status("assumed-status-dispatched.json");
    assertThat(s.state()).isEqualTo(TaskState.RUNNING);
    assertThat(s.progressPercent()).isEmpty();
  }

  @Test
  @DisplayName("a failure with an error object keeps its message and code as PROVIDER_ERROR")
  void failedWithErrorObject() {
    TaskStatus s = status("assumed-status-failed-error-object.json");
    assertThat(s.state()).isEqualTo(TaskState.FAILED);
    assertThat(s.failure().get().category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
    assertThat(s.failure().get().message()).isEqualTo("upstream generation timed out");
    assertThat(s.failure().get().providerCode()).contains("UPSTREAM_TIMEOUT");
  }

  @Test
  @DisplayName(
      "a failure whose message names sensitive content is MODERATION; a numeric error_code is kept"
          + " as text")
  void failedModeration() {
    TaskStatus s = status("assumed-status-failed-moderation.json");
    assertThat(s.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
    assertThat(s.failure().get().providerCode()).contains("400121");
    assertThat(s.failure().get().message())
        .isEqualTo("The prompt or image contains sensitive content (source: upstream)");
  }

  @Test
  @DisplayName("GET /models reads into a list of ids")
  void models() {
    assertThat(GmiMapping.modelIds(Fixtures.read("assumed-models.json", GmiModelsResponse.class)))
        .containsExactly("pixverse-v6-i2v", "kling-v2-1-i2v", "seedance-2-0-fast-260128");
  }
}
