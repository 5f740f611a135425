package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.RetryState;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutputRetryTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static TaskStatus failing(Instant since, Instant next) {
    return TaskStatus.builder()
        .handle(TaskHandle.of("gmi", "m", "t"))
        .state(TaskState.RUNNING)
        .progressPercent(40)
        .observedAt(since)
        .retry(
            RetryState.builder()
                .failingSince(since)
                .failedAttempts(3)
                .lastFailure("HTTP 502")
                .nextAttemptAt(next)
                .build())
        .build();
  }

  @Test
  @DisplayName(
      "the progress line says since when the provider has not answered, why, and when the next try"
          + " is")
  void progressLine() {
    Output o = new Output(new PrintWriter(out), new PrintWriter(err), false, false);
    Instant now = Instant.now();
    o.status(failing(now.minusSeconds(1), now.plusSeconds(21)));
    assertThat(err.toString())
        .contains("RUNNING")
        .containsPattern("provider not answering for [01]s \\(HTTP 502\\); next try in 2[01]s");
  }

  @Test
  @DisplayName("--json carries the retry state in the status event")
  void json() {
    Output o = new Output(new PrintWriter(out), new PrintWriter(err), true, false);
    o.status(failing(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:20Z")));
    assertThat(out.toString())
        .contains(
            "\"retry\":{\"failingSince\":\"2026-01-01T00:00:00.000Z\",\"failedAttempts\":3,\"lastFailure\":\"HTTP"
                + " 502\",\"nextAttemptAt\":\"2026-01-01T00:00:20.000Z\"}");
  }
}
