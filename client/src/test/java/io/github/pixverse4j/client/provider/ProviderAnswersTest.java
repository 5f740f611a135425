package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.http.ApiKey;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderAnswersTest {
  private static final ApiKey KEY = ApiKey.of("sk-answers-secret-9");
  private final TestScheduler scheduler = new TestScheduler();
  private final ProviderAnswers answers = new ProviderAnswers("acme", KEY, scheduler);

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(c);
    return b.toString();
  }

  @Test
  @DisplayName(
      "messages built from answers keep their words when the key is too short to be a secret")
  void shortKeyDoesNotMangle() {
    ProviderAnswers shortKey = new ProviderAnswers("acme", ApiKey.of("k"), scheduler);
    assertThat(shortKey.scrub("Name or service not known")).isEqualTo("Name or service not known");
    assertThat(shortKey.quote("task unknown")).isEqualTo("task unknown");
    assertThat(shortKey.malformed("status was not known").getMessage())
        .contains("status was not known");
    assertThat(answers.scrub("key sk-answers-secret-9 leaked")).isEqualTo("key **** leaked");
  }

  @Test
  @DisplayName("a handle keeps the trimmed provider id")
  void handle() {
    TaskHandle h = answers.handle("m1", "  abc-1 ", "request_id");
    assertThat(h.providerId()).isEqualTo("acme");
    assertThat(h.model()).isEqualTo("m1");
    assertThat(h.taskId()).isEqualTo("abc-1");
  }

  @Test
  @DisplayName(
      "a 600-character id is a MalformedResponseException, never an IllegalArgumentException")
  void tooLongId() {
    assertThatThrownBy(() -> answers.handle("m1", repeat('x', 600), "request_id"))
        .isExactlyInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("request_id")
        .hasMessageContaining("Provider acme");
  }

  @Test
  @DisplayName(
      "a video URL with the API key in it shows the key masked; only downloadUrl has it (issue 25,"
          + " fault 10)")
  void keyInVideoUrl() {
    io.github.pixverse4j.api.Video v =
        answers
            .video("https://cdn.example.com/v.mp4?token=" + KEY.reveal() + "&x=1", "url")
            .build();
    assertThat(v.url().toString()).isEqualTo("https://cdn.example.com/v.mp4?token=****&x=1");
    assertThat(v.downloadUrl())
        .hasValueSatisfying(u -> assertThat(u.toString()).contains(KEY.reveal()));
    assertThat(v.fetchUrl()).isEqualTo(v.downloadUrl().get());
    assertThat(v.toString()).doesNotContain(KEY.reveal());
    io.github.pixverse4j.api.Video plain =
        answers.video("https://cdn.example.com/v.mp4?x=1", "url").build();
    assertThat(plain.downloadUrl()).isEmpty();
    assertThat(plain.fetchUrl()).isEqualTo(plain.url());
  }

  @Test
  @DisplayName(
      "a missing, blank, ill-formed or path-escaping id is a MalformedResponseException (on a"
          + " submit: outcome unknown)")
  void badIds() {
    // The last ones would send the task's requests outside its path (issue 25, fault 9).
    for (String id :
        new String[] {
          null, "", "   ", "a\uD800b", ".", "..", "../x", "a/b", "a?b", "a#b", "%2e%2e", "a\u0001b"
        }) {
      assertThatThrownBy(() -> answers.handle("m1", id, "task_id"))
          .isExactlyInstanceOf(MalformedResponseException.class)
          .hasMessageContaining("task_id");
    }
  }

  @Test
  @DisplayName("an id that is the key does not put the key in the message")
  void idWithKey() {
    assertThatThrownBy(() -> answers.handle("m1", KEY.reveal() + repeat('y', 600), "id"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.reveal()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://cdn.example/v.mp4",
        "http://127.0.0.1:8080/v.mp4",
        " HTTPS://cdn.example/a "
      })
  @DisplayName("absolute http(s) video URLs are accepted")
  void goodUrls(String url) {
    assertThat(answers.videoUrl(url, "video_url").toString()).isEqualTo(url.trim());
    assertThat(ProviderAnswers.isVideoUrl(url)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "ftp://cdn.example/v.mp4",
        "javascript:alert(1)",
        "/relative/v.mp4",
        "https:///nohost",
        "ht tp://x",
        "",
        "data:video/mp4;base64,AAAA"
      })
  @DisplayName("anything else is a MalformedResponseException quoting it")
  void badUrls(String url) {
    assertThatThrownBy(() -> answers.videoUrl(url, "video_url"))
        .isExactlyInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("video_url");
    assertThat(ProviderAnswers.isVideoUrl(url)).isFalse();
  }

  @Test
  @DisplayName("a refused URL holding the key is quoted without it")
  void urlWithKey() {
    assertThatThrownBy(() -> answers.videoUrl("file:///" + KEY.reveal(), "url"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.reveal()).contains("****"));
  }

  @Test
  @DisplayName("observations are timed by the scheduler, not the wall clock")
  void observedAtFromScheduler() {
    scheduler.advanceTimeBy(42, TimeUnit.SECONDS);
    TaskStatus s =
        answers.status(TaskHandle.of("acme", "m", "t"), TaskState.RUNNING, "run").build();
    assertThat(s.observedAt()).isEqualTo(Instant.ofEpochSecond(42));
    assertThat(answers.now()).isEqualTo(Instant.ofEpochSecond(42));
  }

  @Test
  @DisplayName("status values are read through StatusNames; unknown ones are quoted scrubbed")
  void canonical() {
    StatusNames names = StatusNames.builder("acme").add("DONE", "FINISHED").build();
    assertThat(answers.canonical(names, " finished ")).isEqualTo("DONE");
    assertThatThrownBy(() -> answers.canonical(names, "LEAK " + KEY.reveal()))
        .isExactlyInstanceOf(MalformedResponseException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.reveal()));
    assertThatThrownBy(() -> answers.canonical(names, " "))
        .isExactlyInstanceOf(MalformedResponseException.class);
  }

  @Test
  @DisplayName("malformed() and failure() scrub the key from whatever they are given")
  void scrubbing() {
    assertThat(answers.malformed("the answer said " + KEY.reveal()).getMessage())
        .doesNotContain(KEY.reveal())
        .contains("****");
    TaskFailure f =
        answers.failure(FailureCategory.PROVIDER_ERROR, "bad " + KEY.reveal(), KEY.reveal());
    assertThat(f.message()).doesNotContain(KEY.reveal());
    assertThat(f.providerCode().get()).doesNotContain(KEY.reveal());
  }

  @Test
  @DisplayName("Retry-After is read from the headers")
  void retryAfter() {
    assertThat(ProviderAnswers.retryAfter(Headers.of("Retry-After", "7")))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(ProviderAnswers.retryAfter(Headers.of())).isNull();
    assertThat(ProviderAnswers.retryAfter(null)).isNull();
  }

  @Test
  @DisplayName("error bodies are read as JSON or a type, null when they are not")
  void bodies() {
    assertThat(ProviderAnswers.json("{\"a\":1}").get("a").asInt()).isEqualTo(1);
    assertThat(ProviderAnswers.json("<html>")).isNull();
    assertThat(ProviderAnswers.json("")).isNull();
    assertThat(ProviderAnswers.read("{\"a\":1}", Shape.class).a).isEqualTo(1);
    assertThat(ProviderAnswers.read("[1]", Shape.class)).isNull();
  }

  static final class Shape {
    public int a;
  }
}
