package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelTest {
  @Test
  @DisplayName("models, qualities and image URLs parse leniently and reject nonsense clearly")
  void parsing() {
    assertThat(Model.of("V4.5")).isEqualTo(Model.V4_5);
    assertThat(Model.of("6")).isEqualTo(Model.V6);
    assertThatThrownBy(() -> Model.of("v 6")).hasMessageContaining("Invalid model name");
    assertThat(Quality.parse("1080P")).isEqualTo(Quality.P1080);
    assertThat(Quality.parse("540")).isEqualTo(Quality.P540);
    assertThatThrownBy(() -> Quality.parse("4k")).hasMessageContaining("360p, 540p, 720p, 1080p");
    assertThatThrownBy(() -> ImageInput.url("ftp://x/y.png")).hasMessageContaining("http");
    assertThatThrownBy(() -> ImageInput.url("cat.png")).hasMessageContaining("absolute");
  }

  @Test
  @DisplayName("a status enforces videos exactly when SUCCEEDED and a failure exactly when FAILED")
  void statusInvariants() {
    TaskHandle h = TaskHandle.of("p", "m", "t");
    assertThatThrownBy(
            () ->
                TaskStatus.builder()
                    .handle(h)
                    .state(TaskState.SUCCEEDED)
                    .observedAt(Instant.EPOCH)
                    .build())
        .hasMessageContaining("at least one video");
    assertThatThrownBy(
            () ->
                TaskStatus.builder()
                    .handle(h)
                    .state(TaskState.FAILED)
                    .observedAt(Instant.EPOCH)
                    .build())
        .hasMessageContaining("needs a failure");
    assertThatThrownBy(
            () ->
                TaskStatus.builder()
                    .handle(h)
                    .state(TaskState.RUNNING)
                    .progressPercent(101)
                    .observedAt(Instant.EPOCH)
                    .build())
        .hasMessageContaining("0..100");
    TaskStatus ok =
        TaskStatus.builder()
            .handle(h)
            .state(TaskState.SUCCEEDED)
            .addVideos(Video.of(URI.create("https://m/v.mp4")))
            .observedAt(Instant.EPOCH)
            .build();
    assertThat(ok.isTerminal()).isTrue();
    assertThat(ok.sameProgressAs(TaskStatus.builder().from(ok).observedAt(Instant.now()).build()))
        .isTrue();
  }

  @Test
  @DisplayName("a change of retry state is a change: the outage and the recovery are both news")
  void retryStateIsProgress() {
    TaskHandle h = TaskHandle.of("p", "m", "t");
    TaskStatus running =
        TaskStatus.builder()
            .handle(h)
            .state(TaskState.RUNNING)
            .progressPercent(40)
            .observedAt(Instant.EPOCH)
            .build();
    assertThat(running.retry()).as("empty when all is well").isEmpty();
    RetryState first =
        RetryState.builder()
            .failingSince(Instant.EPOCH)
            .failedAttempts(1)
            .lastFailure("HTTP 502")
            .nextAttemptAt(Instant.EPOCH.plusSeconds(1))
            .build();
    TaskStatus failing = TaskStatus.builder().from(running).retry(first).build();
    assertThat(failing.sameProgressAs(running)).isFalse();
    assertThat(running.sameProgressAs(failing)).isFalse();
    TaskStatus again =
        TaskStatus.builder()
            .from(running)
            .retry(RetryState.builder().from(first).failedAttempts(2).build())
            .build();
    assertThat(again.sameProgressAs(failing)).as("another failed attempt").isFalse();
    assertThatThrownBy(() -> RetryState.builder().from(first).failedAttempts(0).build())
        .hasMessageContaining("failedAttempts");
    assertThatThrownBy(() -> RetryState.builder().from(first).lastFailure("a\nb").build())
        .hasMessageContaining("one line");
  }

  @Test
  @DisplayName(
      "TaskAlreadyEndedException carries the final state and status, and refuses a state that is"
          + " not final")
  void alreadyEnded() {
    TaskHandle h = TaskHandle.of("p", "m", "t");
    TaskStatus done =
        TaskStatus.builder()
            .handle(h)
            .state(TaskState.SUCCEEDED)
            .addVideos(Video.of(URI.create("https://m/v.mp4")))
            .observedAt(Instant.EPOCH)
            .build();
    TaskAlreadyEndedException e =
        new TaskAlreadyEndedException(
            "ended", ErrorDetails.provider("p"), TaskState.SUCCEEDED, done);
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.finalState()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(e.finalStatus()).contains(done);
    assertThat(e.handle()).contains(h);
    assertThatThrownBy(
            () -> new TaskAlreadyEndedException("x", ErrorDetails.none(), TaskState.RUNNING, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("an exception names the task once a handle is attached, and keeps the first handle")
  void exceptionHandle() {
    VideoApiException e =
        new AuthenticationException(
            "Check the key", ErrorDetails.provider("gmi").withHttpStatus(401));
    assertThat(e.getMessage()).isEqualTo("Check the key (provider gmi, HTTP 401)");
    TaskHandle h = TaskHandle.of("gmi", "m", "t");
    e.attachHandle(h).attachHandle(TaskHandle.of("gmi", "m", "other"));
    assertThat(e.handle()).contains(h);
    assertThat(e.getMessage()).endsWith("[task " + h.token() + "]");
  }

  @Test
  @DisplayName("issue 24 #11: a message that names its provider does not repeat it in the suffix")
  void providerNotRepeated() {
    assertThat(
            new TransportException(
                    "Could not connect to provider gmi; the request was not sent",
                    ErrorDetails.provider("gmi"),
                    null,
                    false)
                .getMessage())
        .isEqualTo("Could not connect to provider gmi; the request was not sent");
    assertThat(
            new VideoApiException(
                    "gmi's answer was cut", ErrorDetails.provider("gmi").withHttpStatus(502))
                .getMessage())
        .isEqualTo("gmi's answer was cut (HTTP 502)");
    assertThat(
            new VideoApiException("Could not reach gmi.example.com", ErrorDetails.provider("gmi"))
                .getMessage())
        .isEqualTo("Could not reach gmi.example.com (provider gmi)");
    assertThat(
            new VideoApiException("Could not reach gmix", ErrorDetails.provider("gmi"))
                .getMessage())
        .isEqualTo("Could not reach gmix (provider gmi)");
  }
}
