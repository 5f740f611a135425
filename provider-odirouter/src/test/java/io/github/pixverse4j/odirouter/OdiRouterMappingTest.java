package io.github.pixverse4j.odirouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.queue.internal.QueueErrors;
import io.github.pixverse4j.queue.internal.QueueMapping;
import io.github.pixverse4j.queue.internal.QueueResultResponse;
import io.github.pixverse4j.queue.internal.QueueStatusResponse;
import io.github.pixverse4j.queue.internal.QueueSubmitResponse;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OdiRouterMappingTest {
  private static final ApiKey KEY = ApiKey.of("odi-mapping-key-2718");
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final TaskHandle HANDLE = TaskHandle.of("odirouter", "pixverse_v6_i2v", "req-1");
  private final ProviderAnswers answers =
      new ProviderAnswers(
          "odirouter", KEY, new TestScheduler(NOW.toEpochMilli(), TimeUnit.MILLISECONDS));
  private final QueueErrors errors = new QueueErrors(OdiRouter.PROTOCOL, KEY);
  private final QueueMapping mapping = new QueueMapping(OdiRouter.PROTOCOL);

  private static <T> T read(String json, Class<T> type) throws Exception {
    return Json.mapper().readValue(json, type);
  }

  private TaskStatus status(String json) throws Exception {
    QueueStatusResponse s = read(json, QueueStatusResponse.class);
    return mapping.fromStatus(answers, errors, HANDLE, mapping.canonical(answers, s), s);
  }

  @Test
  @DisplayName("status values in either spelling, queue position and the scheduler's time")
  void statuses() throws Exception {
    TaskStatus q = status("{\"status\":\"in_queue\",\"queue_position\":3}");
    assertThat(q.state()).isEqualTo(TaskState.QUEUED);
    assertThat(q.queuePosition()).contains(3);
    assertThat(q.observedAt()).isEqualTo(NOW);
    assertThat(status("{\"status\":\"IN_PROGRESS\"}").state()).isEqualTo(TaskState.RUNNING);
    assertThat(status("{\"status\":\"CANCELED\"}").state()).isEqualTo(TaskState.CANCELLED);
    TaskStatus f =
        status(
            "{\"status\":\"FAILED\",\"error_type\":\"content_policy_violation\",\"detail\":\"no\"}");
    assertThat(f.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
    assertThatThrownBy(() -> status("{\"status\":\"TELEPORTING\"}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("TELEPORTING");
  }

  @Test
  @DisplayName(
      "a result's video must be an absolute http(s) URL; the key in a refused one is not quoted")
  void videoUrl() throws Exception {
    TaskStatus ok =
        mapping.succeeded(
            answers,
            HANDLE,
            read(
                "{\"video\":{\"url\":\"https://cdn.example/v.mp4\",\"file_size\":5}}",
                QueueResultResponse.class),
            "COMPLETED");
    assertThat(ok.videos().get(0).url().toString()).isEqualTo("https://cdn.example/v.mp4");
    QueueResultResponse ftp =
        read(
            "{\"video\":{\"url\":\"ftp://cdn.example/" + KEY.reveal() + "\"}}",
            QueueResultResponse.class);
    assertThatThrownBy(() -> mapping.succeeded(answers, HANDLE, ftp, "COMPLETED"))
        .isInstanceOf(MalformedResponseException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.reveal()));
  }

  @Test
  @DisplayName("a request_id longer than a handle can keep is a MalformedResponseException")
  void longRequestId() throws Exception {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 600; i++) id.append('r');
    QueueSubmitResponse r = read("{\"request_id\":\"" + id + "\"}", QueueSubmitResponse.class);
    assertThatThrownBy(() -> mapping.toHandle(answers, r))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("request_id");
    assertThat(
            mapping.toHandle(
                answers, read("{\"request_id\":\" r-1 \"}", QueueSubmitResponse.class)))
        .isEqualTo(TaskHandle.of("odirouter", "pixverse_v6_i2v", "r-1"));
  }

  @Test
  @DisplayName(
      "the result table: 'in progress' → RUNNING, 422 → FAILED, 401 and a bare 500 → the call's"
          + " exception")
  void failedResults() {
    Optional<TaskStatus> running =
        mapping.fromFailedResult(
            answers,
            errors,
            HANDLE,
            errors.parse(400, Headers.of(), "{\"detail\":\"Request is still in progress\"}"),
            "COMPLETED");
    assertThat(running.get().state()).isEqualTo(TaskState.RUNNING);
    Optional<TaskStatus> failed =
        mapping.fromFailedResult(
            answers,
            errors,
            HANDLE,
            errors.parse(
                422,
                Headers.of(),
                "{\"detail\":[{\"loc\":[\"body\",\"image\"],\"msg\":\"bad\",\"type\":\"x\"}]}"),
            "COMPLETED");
    assertThat(failed.get().failure().get().category()).isEqualTo(FailureCategory.INVALID_INPUT);
    assertThat(
            mapping.fromFailedResult(
                answers, errors, HANDLE, errors.parse(401, Headers.of(), "{}"), "COMPLETED"))
        .isEmpty();
    assertThat(
            mapping.fromFailedResult(
                answers, errors, HANDLE, errors.parse(500, Headers.of(), "oops"), "COMPLETED"))
        .isEmpty();
  }

  @Test
  @DisplayName("the submit body carries every optional setting under its wire name")
  void submitBody() throws Exception {
    ImageToVideoRequest r =
        ImageToVideoRequest.builder()
            .image(ImageInput.url("https://e.example/a.png"))
            .prompt("p")
            .durationSeconds(5)
            .seed(7L)
            .audio(true)
            .build();
    assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(mapping.submitBody(r))))
        .isEqualTo(
            Json.mapper()
                .readTree(
                    "{\"image\":\"https://e.example/a.png\",\"prompt\":\"p\",\"duration\":5,\"seed\":7,\"generate_audio_switch\":true}"));
  }
}
