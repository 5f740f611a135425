package io.github.pixverse4j.v3async.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class V3AsyncMappingTest {
  static final TaskHandle HANDLE = TaskHandle.of("myrouter", "pixverse-v4.5-i2v", "t-1");

  /** The kit as the provider has it, its scheduler's clock at {@link #NOW}. */
  static ProviderAnswers answers(String providerId) {
    return new ProviderAnswers(
        providerId, null, new TestScheduler(NOW.toEpochMilli(), TimeUnit.MILLISECONDS));
  }

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static TaskStatus map(String json) throws IOException {
    return V3AsyncMapping.toStatus(
        answers("myrouter"), HANDLE, Json.mapper().readValue(json, V3AsyncStatusResponse.class));
  }

  @Test
  @DisplayName("queued: no progress or estimate from the zero values every field carries")
  void queuedZeros() throws IOException {
    TaskStatus s =
        map(
            "{\"task\":{\"task_id\":\"t-1\",\"status\":\"TASK_STATUS_QUEUED\",\"reason\":\"\",\"eta\":0,\"progress_percent\":0}}");
    assertThat(s.state()).isEqualTo(TaskState.QUEUED);
    assertThat(s.progressPercent()).isEmpty();
    assertThat(s.estimatedTimeRemaining()).isEmpty();
    assertThat(s.queuePosition()).isEmpty();
  }

  @Test
  @DisplayName("processing: numbers sent as strings are read, progress beyond 0..100 is clamped")
  void processingLenient() throws IOException {
    TaskStatus s =
        map(
            "{\"task\":{\"status\":\"TASK_STATUS_PROCESSING\",\"eta\":\"30\",\"progress_percent\":\"130\"}}");
    assertThat(s.state()).isEqualTo(TaskState.RUNNING);
    assertThat(s.progressPercent()).contains(100);
    assertThat(s.estimatedTimeRemaining()).contains(java.time.Duration.ofSeconds(30));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "progress_percent {0}, eta {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "1e308 | 1e12",
        "'\"50%\"' | '\"soon\"'",
        "123456789012345678901234567890 | 1000000000000",
        "true | '[1]'",
        "'{\"v\":1}' | -5"
      })
  @DisplayName(
      "optional hints of another type or out of range are ignored, never malformed (issue 25, fault"
          + " 5)")
  void hostileHintsIgnored(String progress, String eta) throws IOException {
    TaskStatus s =
        map(
            "{\"task\":{\"status\":\"TASK_STATUS_PROCESSING\",\"eta\":"
                + eta
                + ",\"progress_percent\":"
                + progress
                + "}}");
    assertThat(s.state()).isEqualTo(TaskState.RUNNING);
    assertThat(s.progressPercent()).isEmpty();
    assertThat(s.estimatedTimeRemaining()).as("10^12 s is no estimate").isEmpty();
  }

  @Test
  @DisplayName(
      "an unknown status, a missing task or status, a foreign task id and a success without video"
          + " are malformed")
  void malformed() {
    assertThatThrownBy(() -> map("{\"task\":{\"status\":\"TASK_STATUS_PAUSED\"}}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("TASK_STATUS_PAUSED");
    assertThatThrownBy(() -> map("{\"videos\":[]}")).isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(() -> map("{\"task\":{\"reason\":\"\"}}"))
        .isInstanceOf(MalformedResponseException.class);
    assertThatThrownBy(
            () -> map("{\"task\":{\"task_id\":\"other\",\"status\":\"TASK_STATUS_QUEUED\"}}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(
            () ->
                map(
                    "{\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},\"videos\":[{\"video_url\":\"\"}]}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("video_url");
    assertThatThrownBy(
            () ->
                map(
                    "{\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},\"videos\":[{\"video_url\":\"not"
                        + " a url\"}]}"))
        .isInstanceOf(MalformedResponseException.class);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "task_status_succeed | SUCCEEDED",
        "' TASK_STATUS_PROCESSING ' | RUNNING",
        "Task_Status_Queued | QUEUED",
        "task_status_failed | FAILED"
      })
  @DisplayName(
      "status values in another case or with stray whitespace are the documented values (spelling"
          + " is not a state)")
  void spellingIsNotAState(String raw, TaskState state) throws IOException {
    TaskStatus s =
        map(
            "{\"task\":{\"status\":\""
                + raw
                + "\"},"
                + "\"videos\":[{\"video_url\":\"https://cdn.example.com/v.mp4\"}]}");
    assertThat(s.state()).isEqualTo(state);
    assertThat(s.rawStatus()).as("the raw value is kept as received").contains(raw);
  }

  @Test
  @DisplayName(
      "an unknown value is quoted exactly as received, and the message does not list it as known")
  void unknownQuoted() {
    assertThatThrownBy(() -> map("{\"task\":{\"status\":\" task_status_paused \"}}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("\" task_status_paused \"")
        .hasMessageContaining(
            "known: TASK_STATUS_QUEUED, TASK_STATUS_PROCESSING, TASK_STATUS_SUCCEED,"
                + " TASK_STATUS_FAILED");
  }

  @Test
  @DisplayName(
      "success: no ttl means no expiry, a non-numeric seed is ignored, a full content type is kept")
  void successVariants() throws IOException {
    TaskStatus s =
        map(
            "{\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},\"extra\":{\"seed\":\"abc\"},"
                + "\"videos\":[{\"video_url\":\"https://cdn.example.com/v.mp4\",\"video_type\":\"video/webm\"}]}");
    assertThat(s.videos()).hasSize(1);
    assertThat(s.videos().get(0).expiresAt()).isEmpty();
    assertThat(s.videos().get(0).seed()).isEmpty();
    assertThat(s.videos().get(0).contentType()).contains("video/webm");
    TaskStatus numeric =
        map(
            "{\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},\"extra\":{\"seed\":42},"
                + "\"videos\":[{\"video_url\":\"https://cdn.example.com/v.mp4\",\"video_url_ttl\":60}]}");
    assertThat(numeric.videos().get(0).seed()).contains(42L);
    assertThat(numeric.videos().get(0).expiresAt()).contains(NOW.plusSeconds(60));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ILLEGAL_IMAGE_CONTENT: sensitive content | MODERATION | ILLEGAL_IMAGE_CONTENT",
        "ILLEGAL_PROMPT | MODERATION | ILLEGAL_PROMPT",
        "The output may contain sensitive content | MODERATION | ",
        "NSFW detected | MODERATION | ",
        "blocked by content moderation | MODERATION | ",
        "INVALID_IMAGE_FORMAT: cannot decode image | INVALID_INPUT | INVALID_IMAGE_FORMAT",
        "IMAGE_FILE_EXCEEDS_MAX_SIZE | INVALID_INPUT | IMAGE_FILE_EXCEEDS_MAX_SIZE",
        "TASK_CANCELLED | CANCELLED | TASK_CANCELLED",
        "the generator broke | PROVIDER_ERROR | ",
        "'' | UNKNOWN | "
      })
  @DisplayName("a failed task's reason is classified into a category, with its leading code")
  void failureCategories(String reason, FailureCategory category, String code) {
    assertThat(V3AsyncMapping.failure(answers("myrouter"), reason).category()).isEqualTo(category);
    assertThat(V3AsyncMapping.failure(answers("myrouter"), reason).providerCode().orElse(null))
        .isEqualTo(code);
    assertThat(V3AsyncMapping.failure(answers("myrouter"), reason).message()).isNotBlank();
  }
}
