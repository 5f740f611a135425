package io.github.pixverse4j.pixverse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixVerseMappingTest {
  private static final ApiKey KEY = ApiKey.of("pv-mapping-key-1618");
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
  private static final TaskHandle HANDLE = TaskHandle.of("pixverse", "V4_5", "123");
  private final ProviderAnswers answers =
      new ProviderAnswers(
          "pixverse", KEY, new TestScheduler(NOW.toEpochMilli(), TimeUnit.MILLISECONDS));

  private TaskStatus status(String resp) throws Exception {
    return PixVerseMapping.toStatus(
        answers, HANDLE, Json.mapper().readValue(resp, PixVerseStatusResponse.class));
  }

  @ParameterizedTest(name = "status {0} is {1}")
  @CsvSource({"5, RUNNING", "9, RUNNING", "10, RUNNING", "7, FAILED", "8, FAILED", "6, FAILED"})
  @DisplayName("documented status codes, observed at the scheduler's time")
  void codes(int code, TaskState state) throws Exception {
    TaskStatus s = status("{\"status\":" + code + "}");
    assertThat(s.state()).isEqualTo(state);
    assertThat(s.rawStatus()).contains(Integer.toString(code));
    assertThat(s.observedAt()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("7 is moderation; an unknown code is a MalformedResponseException")
  void moderationAndUnknown() throws Exception {
    assertThat(status("{\"status\":7}").failure().get().category())
        .isEqualTo(FailureCategory.MODERATION);
    assertThatThrownBy(() -> status("{\"status\":42}"))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("42");
  }

  @Test
  @DisplayName("success needs an absolute http(s) url; the key in a refused one is not quoted")
  void videoUrl() throws Exception {
    TaskStatus ok =
        status(
            "{\"status\":1,\"url\":\"https://media.example/v.mp4\",\"outputWidth\":640,\"size\":9}");
    assertThat(ok.videos().get(0).url().toString()).isEqualTo("https://media.example/v.mp4");
    assertThat(ok.videos().get(0).width()).contains(640);
    assertThatThrownBy(() -> status("{\"status\":1,\"url\":\"javascript:" + KEY.reveal() + "\"}"))
        .isInstanceOf(MalformedResponseException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.reveal()));
    assertThatThrownBy(() -> status("{\"status\":1}"))
        .isInstanceOf(MalformedResponseException.class);
  }

  @Test
  @DisplayName("a video_id longer than a handle can keep is a MalformedResponseException")
  void longVideoId() throws Exception {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 600; i++) id.append('7');
    PixVerseSubmitResponse r =
        Json.mapper().readValue("{\"video_id\":\"" + id + "\"}", PixVerseSubmitResponse.class);
    assertThatThrownBy(() -> PixVerseMapping.toHandle(answers, Model.V4_5, r))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("video_id");
  }

  @Test
  @DisplayName("duration and quality are required: their defaults are sent when unset")
  void defaults() {
    PixVerseSubmitBody b =
        PixVerseMapping.submitBody(
            ImageToVideoRequest.builder()
                .image(ImageInput.url("https://e.example/a.png"))
                .prompt("p")
                .build(),
            Model.V4_5,
            5L);
    assertThat(b.duration()).isEqualTo(5);
    assertThat(b.quality()).isEqualTo("540p");
    assertThat(PixVerseMapping.isId("123")).isTrue();
    assertThat(PixVerseMapping.isId("1234567890123456789")).isFalse();
    assertThat(PixVerseMapping.isId("12a")).isFalse();
  }
}
