package io.github.pixverse4j.gmi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.internal.Json;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GmiMappingTest {
  private static final TaskHandle HANDLE = TaskHandle.of("gmi", "pixverse-v6-i2v", "req-1");
  private static final String VIDEO =
      "{\"media_urls\":[{\"id\":\"0\",\"url\":\"https://cdn.example/v.mp4\"}]}";

  private static TaskStatus map(String json) throws Exception {
    return GmiMapping.toStatus(
        Fixtures.answers(Instant.EPOCH, ApiKey.of("secret-key-123456")),
        HANDLE,
        Json.mapper().readValue(json, GmiStatusResponse.class));
  }

  private static TaskFailure failure(String json) throws Exception {
    TaskStatus s = map("{\"status\":\"failed\"," + json + "}");
    assertThat(s.state()).isEqualTo(TaskState.FAILED);
    return s.failure().get();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "queued, QUEUED",
    "dispatched, RUNNING",
    "processing, RUNNING",
    "success, SUCCEEDED",
    "failed, FAILED",
    "cancelled, CANCELLED",
    "Processing, RUNNING"
  })
  @DisplayName("every documented status value maps to its state")
  void states(String raw, TaskState state) throws Exception {
    TaskStatus s =
        map(
            "{\"request_id\":\"req-1\",\"status\":\""
                + raw
                + "\",\"outcome\":"
                + (raw.equals("success") ? VIDEO : "null")
                + "}");
    assertThat(s.state()).isEqualTo(state);
    assertThat(s.rawStatus()).contains(raw);
    assertThat(s.handle()).isEqualTo(HANDLE);
  }

  @Test
  @DisplayName(
      "surrounding whitespace and case do not change a value; an unknown one is quoted exactly as"
          + " received")
  void spelling() throws Exception {
    assertThat(map("{\"status\":\" SUCCESS \",\"outcome\":" + VIDEO + "}").state())
        .isEqualTo(TaskState.SUCCEEDED);
    assertThat(map("{\"status\":\"Queued\\n\"}").state()).isEqualTo(TaskState.QUEUED);
    assertThatThrownBy(() -> map("{\"status\":\" teleporting\"}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("\" teleporting\"")
        .hasMessageContaining("known: queued, dispatched, processing, success, failed, cancelled");
  }

  @ParameterizedTest(name = "status {0} is refused")
  @CsvSource({"completed", "canceled", "TELEPORTING", "''"})
  @DisplayName(
      "an unknown or empty status value is a MalformedResponseException carrying the handle")
  void unknownStatus(String raw) {
    assertThatThrownBy(() -> map("{\"status\":\"" + raw + "\"}"))
        .isInstanceOfSatisfying(
            MalformedResponseException.class, e -> assertThat(e.handle()).contains(HANDLE));
  }

  @Test
  @DisplayName("a missing status value is a MalformedResponseException")
  void missingStatus() {
    assertThatThrownBy(() -> map("{\"request_id\":\"req-1\"}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("'status'");
  }

  @Test
  @DisplayName(
      "a success without any video URL, or with a relative one, is a MalformedResponseException")
  void successWithoutVideo() {
    assertThatThrownBy(() -> map("{\"status\":\"success\",\"outcome\":null}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("no video URL");
    assertThatThrownBy(
            () ->
                map(
                    "{\"status\":\"success\",\"outcome\":{\"media_urls\":[{\"id\":\"0\"}],\"video_url\":\"\"}}"))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(
            () ->
                map("{\"status\":\"success\",\"outcome\":{\"media_urls\":[{\"url\":\"/v.mp4\"}]}}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("absolute");
  }

  @Test
  @DisplayName("every media_urls entry becomes a video, in order, ahead of video_url")
  void severalVideos() throws Exception {
    TaskStatus s =
        map(
            "{\"status\":\"success\",\"outcome\":{\"media_urls\":[{\"url\":\"https://a/1.mp4\"},"
                + "{\"url\":\"https://a/2.mp4\"}],\"video_url\":\"https://a/3.mp4\"}}");
    assertThat(s.videos())
        .extracting(v -> v.url().toString())
        .containsExactly("https://a/1.mp4", "https://a/2.mp4");
  }

  @Test
  @DisplayName("failure detail: top-level error string")
  void topLevelErrorString() throws Exception {
    TaskFailure f = failure("\"error\":\"generation failed\"");
    assertThat(f.message()).isEqualTo("generation failed");
    assertThat(f.category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
    assertThat(f.providerCode()).isEmpty();
  }

  @Test
  @DisplayName("failure detail: top-level and outcome errors are both kept, once each")
  void bothErrors() throws Exception {
    assertThat(failure("\"error\":\"a\",\"outcome\":{\"error\":\"b\"}").message())
        .isEqualTo("a; b");
    assertThat(failure("\"error\":\"a\",\"outcome\":{\"error\":{\"message\":\"a\"}}").message())
        .isEqualTo("a");
  }

  @Test
  @DisplayName("failure detail: only an error_code still gives a message and the code")
  void onlyCode() throws Exception {
    TaskFailure f = failure("\"outcome\":{\"error_code\":\"E42\"}");
    assertThat(f.message()).contains("E42");
    assertThat(f.providerCode()).contains("E42");
    assertThat(f.category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
  }

  @Test
  @DisplayName("failure detail: nothing at all is UNKNOWN with a message saying so")
  void noDetail() throws Exception {
    TaskFailure f = failure("\"outcome\":null,\"error\":null");
    assertThat(f.category()).isEqualTo(FailureCategory.UNKNOWN);
    assertThat(f.message()).contains("without saying why");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"outcome\":{\"error_code\":\"CONTENT_MODERATION\"}",
        "\"error\":\"Prompt violates our content policy\"",
        "\"error\":{\"message\":\"image flagged as NSFW\"}",
        "\"outcome\":{\"error\":\"sensitive words in prompt\"}",
        "\"outcome\":{\"error\":\"x\",\"error_source\":\"moderation\"}"
      })
  @DisplayName(
      "failure detail mentioning moderation, sensitive content or content policy is MODERATION")
  void moderation(String json) throws Exception {
    assertThat(failure(json).category()).isEqualTo(FailureCategory.MODERATION);
  }

  @Test
  @DisplayName("the API key is scrubbed from failure messages and codes")
  void keyScrubbed() throws Exception {
    TaskFailure f =
        failure(
            "\"error\":\"bad key"
                + " secret-key-123456\",\"outcome\":{\"error_code\":\"secret-key-123456\"}");
    assertThat(f.message()).doesNotContain("secret-key-123456");
    assertThat(f.providerCode().get()).doesNotContain("secret-key-123456");
  }
}
