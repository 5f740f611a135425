package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The progress line, driven by a fake clock: a TestScheduler is both its clock and its ticker. */
class ProgressRendererTest {
  private static final TaskHandle HANDLE = TaskHandle.of("gmi", "pixverse-v6-i2v", "abc");

  private final TestScheduler clock = new TestScheduler();
  private final StringWriter sink = new StringWriter();

  private ProgressRenderer renderer(boolean terminal) {
    return new ProgressRenderer(new PrintWriter(sink, true), terminal, clock);
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.now(TimeUnit.MILLISECONDS));
  }

  private TaskStatus.Builder status(TaskState state) {
    return TaskStatus.builder().handle(HANDLE).state(state).observedAt(now());
  }

  private void advance(long seconds) {
    clock.advanceTimeBy(seconds, TimeUnit.SECONDS);
  }

  /** What the terminal shows now: the text after the last carriage return. */
  private String screen() {
    String all = sink.toString();
    return all.substring(all.lastIndexOf('\r') + 1).trim();
  }

  @Nested
  @DisplayName("on a terminal")
  class Terminal {
    @Test
    @DisplayName(
        "the elapsed time ticks every second and the spinner moves although the provider reports no"
            + " progress")
    void ticksWithoutProgress() {
      ProgressRenderer r = renderer(true);
      r.status(status(TaskState.RUNNING).build(), Optional.empty());
      assertThat(screen()).isEqualTo("| RUNNING  0:00");
      advance(1);
      assertThat(screen()).isEqualTo("/ RUNNING  0:01");
      advance(1);
      assertThat(screen()).isEqualTo("- RUNNING  0:02");
      advance(61);
      assertThat(screen()).isEqualTo("\\ RUNNING  1:03");
    }

    @Test
    @DisplayName(
        "a known progress shows a bar, and the ETA counts down from the provider's estimate")
    void barAndEta() {
      ProgressRenderer r = renderer(true);
      r.status(
          status(TaskState.RUNNING)
              .progressPercent(40)
              .estimatedTimeRemaining(Duration.ofSeconds(20))
              .build(),
          Optional.empty());
      assertThat(screen())
          .isEqualTo("| [############------------------] RUNNING 40%  0:00  eta 0:20");
      advance(5);
      assertThat(screen()).endsWith("RUNNING 40%  0:05  eta 0:15");
      advance(30);
      assertThat(screen()).endsWith("RUNNING 40%  0:35  eta 0:00");
    }

    @Test
    @DisplayName(
        "while the provider is not answering, the retry state replaces the bar and counts down to"
            + " the next try")
    void retryLineInsteadOfAFrozenBar() {
      ProgressRenderer r = renderer(true);
      advance(50);
      Instant failingSince = now().minusSeconds(42);
      ProgressRenderer.Retrying retry =
          ProgressRenderer.Retrying.of(failingSince, 3, "HTTP 502", now().plusSeconds(20));
      r.status(status(TaskState.RUNNING).progressPercent(40).build(), Optional.of(retry));
      assertThat(screen())
          .isEqualTo(
              "| RUNNING 40%  0:50  provider not answering for 42s (HTTP 502); next try in 20s")
          .doesNotContain("[#");
      advance(5);
      assertThat(screen())
          .endsWith("0:55  provider not answering for 47s (HTTP 502); next try in 15s");
      advance(15);
      assertThat(screen()).endsWith("trying again now");
      r.status(status(TaskState.RUNNING).progressPercent(60).build(), Optional.empty());
      assertThat(screen())
          .contains("[##################------------] RUNNING 60%")
          .doesNotContain("answering");
    }

    @Test
    @DisplayName("before the first status it says what it waits for, with the elapsed time")
    void waiting() {
      ProgressRenderer r = renderer(true);
      r.waiting("Asking gmi for the task's status");
      advance(7);
      assertThat(screen()).isEqualTo("\\ Asking gmi for the task's status  0:07");
    }

    @Test
    @DisplayName("a terminal status ends the line and the ticking")
    void terminalStatusEnds() {
      ProgressRenderer r = renderer(true);
      r.status(status(TaskState.RUNNING).build(), Optional.empty());
      r.status(status(TaskState.CANCELLED).build(), Optional.empty());
      String before = sink.toString();
      assertThat(before).endsWith(System.lineSeparator());
      advance(10);
      assertThat(sink.toString()).isEqualTo(before);
    }

    @Test
    @DisplayName("a shorter line blanks out what the longer one before it left")
    void blanksLeftovers() {
      ProgressRenderer r = renderer(true);
      r.status(status(TaskState.QUEUED).queuePosition(12).build(), Optional.empty());
      r.status(status(TaskState.RUNNING).build(), Optional.empty());
      String all = sink.toString();
      String last = all.substring(all.lastIndexOf('\r') + 1);
      assertThat(last)
          .startsWith("| RUNNING  0:00")
          .hasSize("| QUEUED (queue position 12)  0:00".length());
    }
  }

  @Nested
  @DisplayName("when piped")
  class Piped {
    @Test
    @DisplayName("one plain line per change, nothing per tick")
    void plainLines() {
      ProgressRenderer r = renderer(false);
      r.status(status(TaskState.RUNNING).progressPercent(10).build(), Optional.empty());
      advance(10);
      r.status(
          status(TaskState.RUNNING)
              .progressPercent(50)
              .estimatedTimeRemaining(Duration.ofSeconds(8))
              .build(),
          Optional.empty());
      advance(10);
      assertThat(sink.toString().split("\\R"))
          .containsExactly("RUNNING 10%  elapsed 0:00", "RUNNING 50%  elapsed 0:10  eta 0:08");
    }

    @Test
    @DisplayName("a retry state is written once when it changes")
    void retryOnce() {
      ProgressRenderer r = renderer(false);
      ProgressRenderer.Retrying retry =
          ProgressRenderer.Retrying.of(now(), 1, "connection refused", now().plusSeconds(2));
      r.status(status(TaskState.RUNNING).build(), Optional.of(retry));
      advance(1);
      r.status(status(TaskState.RUNNING).build(), Optional.of(retry));
      assertThat(sink.toString().split("\\R"))
          .containsExactly(
              "RUNNING  elapsed 0:00",
              "Retrying: provider not answering for 0s (connection refused); next try in 2s");
    }

    @Test
    @DisplayName("a wait with no answer is not silent: after 3s it says it is still trying")
    void quietWaitIsMentioned() {
      ProgressRenderer r = renderer(false);
      r.waiting("Asking gmi for the task's status");
      advance(2);
      assertThat(sink.toString()).isEmpty();
      advance(1);
      assertThat(sink.toString())
          .isEqualTo(
              "Asking gmi for the task's status: no answer yet after 3s; still trying."
                  + System.lineSeparator());
      advance(30);
      assertThat(sink.toString().split("\\R")).hasSize(1);
    }
  }
}
