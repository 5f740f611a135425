package io.github.pixverse4j.v3async.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The doc examples (submit bodies and answer) and task results in the shape PROVIDERS.md §2 gives
 * (Novita's docs; the host pages show none) read into the wire types and map as documented.
 */
class V3AsyncFixturesTest {
  /** The kit as the provider has it, its scheduler's clock at {@link #NOW}. */
  static ProviderAnswers answers(String providerId) {
    return new ProviderAnswers(
        providerId, null, new TestScheduler(NOW.toEpochMilli(), TimeUnit.MILLISECONDS));
  }

  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  static final TaskHandle HANDLE =
      TaskHandle.of("highway", "pixverse-v6-i2v", "b2f1c0de-0000-4000-8000-000000000001");

  static <T> T read(String name, Class<T> type) throws IOException {
    try (InputStream in = V3AsyncFixturesTest.class.getResourceAsStream("/v3async/" + name)) {
      assertThat(in).as(name).isNotNull();
      return Json.mapper().readValue(in, type);
    }
  }

  @Test
  @DisplayName("the doc's V6 and V4.5 submit examples read into the submit body")
  void submitBodies() throws IOException {
    V3AsyncSubmitBody v6 = read("doc-submit-v6.json", V3AsyncSubmitBody.class);
    assertThat(v6.seed()).isEqualTo(123L);
    assertThat(v6.duration()).isEqualTo(123L);
    assertThat(v6.cfgScale()).isEqualTo(123.0);
    assertThat(v6.generateAudioSwitch()).isTrue();
    assertThat(v6.thinkingType()).isEqualTo("<string>");
    V3AsyncSubmitBody v45 = read("doc-submit-v45.json", V3AsyncSubmitBody.class);
    assertThat(v45.fastMode()).isTrue();
    assertThat(v45.style()).isEqualTo("<string>");
    assertThat(v45.duration()).isNull();
    assertThat(Json.mapper().writeValueAsString(v45))
        .doesNotContain("duration")
        .doesNotContain("cfg_scale");
  }

  @Test
  @DisplayName("the doc's submit answer reads into the submit response")
  void submitResponse() throws IOException {
    assertThat(read("doc-submit-response.json", V3AsyncSubmitResponse.class).taskId())
        .isEqualTo("<string>");
  }

  @Test
  @DisplayName(
      "a succeeded result maps to SUCCEEDED with the URL, expiry = observed + video_url_ttl,"
          + " video/mp4 and the seed")
  void succeed() throws IOException {
    TaskStatus s =
        V3AsyncMapping.toStatus(
            answers("highway"),
            HANDLE,
            read("task-result-succeed.json", V3AsyncStatusResponse.class));
    assertThat(s.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(s.rawStatus()).contains("TASK_STATUS_SUCCEED");
    Video v = s.videos().get(0);
    assertThat(v.url().toString())
        .startsWith("https://faas-output.example.com/b2f1c0de/output.mp4?");
    assertThat(v.expiresAt()).contains(NOW.plusSeconds(3600));
    assertThat(v.contentType()).contains("video/mp4");
    assertThat(v.seed()).contains(123L);
    assertThat(s.observedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a processing result maps to RUNNING with progress_percent and eta")
  void processing() throws IOException {
    TaskStatus s =
        V3AsyncMapping.toStatus(
            answers("highway"),
            HANDLE,
            read("task-result-processing.json", V3AsyncStatusResponse.class));
    assertThat(s.state()).isEqualTo(TaskState.RUNNING);
    assertThat(s.progressPercent()).contains(45);
    assertThat(s.estimatedTimeRemaining()).contains(Duration.ofSeconds(12));
  }

  @Test
  @DisplayName(
      "a failed result (HTTP 200) maps to FAILED with the reason; an ILLEGAL_* reason is"
          + " MODERATION")
  void failed() throws IOException {
    TaskStatus s =
        V3AsyncMapping.toStatus(
            answers("highway"),
            HANDLE,
            read("task-result-failed.json", V3AsyncStatusResponse.class));
    assertThat(s.state()).isEqualTo(TaskState.FAILED);
    assertThat(s.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
    assertThat(s.failure().get().providerCode()).contains("ILLEGAL_IMAGE_CONTENT");
    assertThat(s.failure().get().message()).contains("sensitive content");
  }

  @Test
  @DisplayName("the error envelope reads into the error body")
  void errorBody() throws IOException {
    V3AsyncErrorBody e = read("error-balance.json", V3AsyncErrorBody.class);
    assertThat(e.code()).isEqualTo(400);
    assertThat(e.reason()).isEqualTo("BILLING_BALANCE_NOT_ENOUGH");
    assertThat(e.message()).isEqualTo("balance not enough");
  }
}
