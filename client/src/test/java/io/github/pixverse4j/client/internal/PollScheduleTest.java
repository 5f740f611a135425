package io.github.pixverse4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schedule {@link PollSchedule} computes from a policy (moved here from PollingPolicyTest). */
class PollScheduleTest {
  private static final TaskHandle H = TaskHandle.of("p", "m", "t");
  private final PollingPolicy policy =
      PollingPolicy.builder()
          .initialDelay(Duration.ofSeconds(2))
          .interval(Duration.ofSeconds(2))
          .maxInterval(Duration.ofMillis(3800))
          .tuning(PollTuning.builder().staleAfter(Duration.ofMinutes(3)).build())
          .jitter(0)
          .build();

  static TaskStatus.Builder status(TaskState s) {
    return TaskStatus.builder().handle(H).state(s).observedAt(Instant.EPOCH);
  }

  static Duration delay(
      PollingPolicy p,
      TaskStatus last,
      int unchangedPolls,
      Duration unchangedFor,
      Optional<Duration> running) {
    return PollSchedule.nextPollDelay(
        p, p.tuning().random(), last, unchangedPolls, unchangedFor, running);
  }

  static Duration retry(PollingPolicy p, int attempt, Optional<Duration> retryAfter) {
    return PollSchedule.retryDelay(p, attempt, retryAfter);
  }

  @Test
  @DisplayName("without hints the interval backs off while nothing changes, up to the maximum")
  void backoff() {
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(delay(policy, running, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(delay(policy, running, 1, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(delay(policy, running, 2, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofMillis(3800));
    assertThat(delay(policy, running, 50, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofMillis(3800));
  }

  @Test
  @DisplayName(
      "after staleAfter without change, the interval grows with the time unchanged, up to its cap")
  void longBackoff() {
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(delay(policy, running, 50, Duration.ofMinutes(3), Optional.empty()))
        .isEqualTo(Duration.ofMillis(3800));
    assertThat(delay(policy, running, 50, Duration.ofMinutes(6), Optional.empty()))
        .isEqualTo(Duration.ofMillis(7600));
    assertThat(delay(policy, running, 50, Duration.ofMinutes(60), Optional.empty()))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("an ETA plans the next poll just after the expected end, within the hinted bounds")
  void eta() {
    TaskStatus eta7 =
        status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(7)).build();
    assertThat(delay(policy, eta7, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofMillis(7250));
    TaskStatus eta0 = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ZERO).build();
    assertThat(delay(policy, eta0, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofMillis(500));
    TaskStatus eta600 =
        status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofMinutes(10)).build();
    assertThat(delay(policy, eta600, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("progress and time running give an estimate when no ETA is given")
  void progress() {
    TaskStatus p25 = status(TaskState.RUNNING).progressPercent(25).build();
    // 25 % in 3 s: 9 s left
    assertThat(delay(policy, p25, 0, Duration.ZERO, Optional.of(Duration.ofSeconds(3))))
        .isEqualTo(Duration.ofMillis(9250));
  }

  @Test
  @DisplayName("a deep queue position means a longer wait")
  void queue() {
    assertThat(
            delay(
                policy,
                status(TaskState.QUEUED).queuePosition(5).build(),
                0,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(
            delay(
                policy,
                status(TaskState.QUEUED).queuePosition(0).build(),
                0,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(
            delay(
                policy,
                status(TaskState.QUEUED).queuePosition(100).build(),
                0,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("a fixed interval ignores hints, queue depth and long unchanged stretches")
  void fixedInterval() {
    PollingPolicy p =
        PollingPolicy.builder().jitter(0.3).fixedInterval(Duration.ofMillis(700)).build();
    Duration d = Duration.ofMillis(700);
    assertThat(p.initialDelay()).isEqualTo(d);
    assertThat(
            delay(
                p,
                status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(30)).build(),
                0,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(d);
    assertThat(
            delay(
                p,
                status(TaskState.QUEUED).queuePosition(40).build(),
                9,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(d);
    assertThat(
            delay(p, status(TaskState.RUNNING).build(), 500, Duration.ofHours(1), Optional.empty()))
        .isEqualTo(d);
  }

  @Test
  @DisplayName("hints are ignored when turned off")
  void hintsOff() {
    PollingPolicy p =
        policy.toBuilder()
            .tuning(policy.tuning().toBuilder().useProviderHints(false).build())
            .build();
    TaskStatus eta =
        status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(30)).build();
    assertThat(delay(p, eta, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName(
      "retries double, are capped, and honour Retry-After (capped, never shortened by jitter)")
  void retries() {
    assertThat(retry(policy, 1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(retry(policy, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(retry(policy, 20, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry(policy, 1, Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(retry(policy, 1, Optional.of(Duration.ofHours(1))))
        .isEqualTo(Duration.ofSeconds(60));
    PollingPolicy jittery =
        policy.toBuilder()
            .jitter(0.5)
            .tuning(policy.tuning().toBuilder().random(() -> 0.0).build())
            .build();
    assertThat(retry(jittery, 1, Optional.of(Duration.ofSeconds(10))))
        .isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("a server-given wait is clamped between the minimum retry delay and the cap")
  void retryAfterClamped() {
    PollingPolicy policy =
        PollingPolicy.builder()
            .jitter(0)
            .retryDelay(Duration.ofSeconds(2))
            .maxRetryAfter(Duration.ofSeconds(60))
            .build();
    assertThat(retry(policy, 1, Optional.of(Duration.ZERO)))
        .as("'Retry-After: 0' is no busy loop")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(retry(policy, 1, Optional.of(Duration.ofMillis(10))))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(retry(policy, 1, Optional.of(Duration.ofSeconds(10))))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(retry(policy, 1, Optional.of(Duration.ofMinutes(61))))
        .isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("jitter spreads delays within the configured fraction")
  void jitter() {
    PollingPolicy low =
        policy.toBuilder()
            .jitter(0.1)
            .tuning(policy.tuning().toBuilder().random(() -> 0.0).build())
            .build();
    PollingPolicy high =
        policy.toBuilder()
            .jitter(0.1)
            .tuning(policy.tuning().toBuilder().random(() -> 0.999999).build())
            .build();
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(delay(low, running, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofMillis(1800));
    assertThat(delay(high, running, 0, Duration.ZERO, Optional.empty()))
        .isBetween(Duration.ofMillis(2199), Duration.ofMillis(2200));
  }

  @Test
  @DisplayName(
      "a task's schedule plans what the computation plans for its unchanged polls and time")
  void scheduleOfOneTask() {
    PollingPolicy p = PollingPolicy.builder().jitter(0).build();
    TaskStatus queued = status(TaskState.QUEUED).queuePosition(3).build();
    TaskStatus eta =
        status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(7)).build();
    TaskStatus plain = status(TaskState.RUNNING).build();
    for (TaskStatus s : new TaskStatus[] {queued, eta, plain}) {
      for (int polls : new int[] {0, 2, 40}) {
        PollSchedule schedule = new PollSchedule(p, null, 0);
        long second = 1_000_000_000L;
        assertThat(schedule.answered(s, second)).as("the first answer is new").isTrue();
        for (int i = 1; i <= polls; i++) {
          assertThat(schedule.answered(s, second + i * 4 * second))
              .as("the same answer again")
              .isFalse();
        }
        long now = second + polls * 4 * second;
        Duration unchangedFor = Duration.ofSeconds(polls * 4L);
        Optional<Duration> running =
            s.state() == TaskState.RUNNING ? Optional.of(unchangedFor) : Optional.empty();
        assertThat(schedule.nextPollDelay(now))
            .isEqualTo(delay(p, s, polls, unchangedFor, running));
      }
    }
    assertThat(new PollSchedule(p, null, 0))
        .satisfies(s -> s.answered(queued, 0))
        .extracting(s -> s.nextPollDelay(0))
        .isEqualTo(Duration.ofSeconds(6));
    assertThat(retry(p, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(retry(p, 1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName(
      "failed reads back off to the cap however many in a row, show a retry state, and the recovery"
          + " is news")
  void failedReads() {
    PollingPolicy p = PollingPolicy.builder().jitter(0).maxSubmitRetries(5).build();
    TaskStatus queued = status(TaskState.QUEUED).build();
    PollSchedule schedule = new PollSchedule(p, queued, 0);
    long second = 1_000_000_000L;
    Duration last = Duration.ZERO;
    for (int i = 1; i <= 30; i++) {
      last = schedule.failed("503 busy", Optional.empty(), i * second);
    }
    assertThat(last)
        .as("capped at maxRetryDelay, not ended after maxSubmitRetries")
        .isEqualTo(p.maxRetryDelay());
    assertThat(schedule.consecutiveFailures()).isEqualTo(30);
    assertThat(schedule.failingSinceNanos()).isEqualTo(second);
    assertThat(schedule.last().retry())
        .hasValueSatisfying(
            r -> {
              assertThat(r.failedAttempts()).isEqualTo(30);
              assertThat(r.lastFailure()).isEqualTo("503 busy");
              assertThat(r.failingSince()).isEqualTo(Instant.ofEpochSecond(1));
              assertThat(r.nextAttemptAt()).isEqualTo(Instant.ofEpochSecond(60));
            });
    assertThat(schedule.failed("429", Optional.of(Duration.ofSeconds(7)), 31 * second))
        .as("a Retry-After wins")
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(schedule.answered(queued, 40 * second))
        .as("the recovery differs by its retry state")
        .isTrue();
    assertThat(schedule.consecutiveFailures()).isZero();
    assertThat(schedule.failingSinceNanos()).isEqualTo(-1);
    assertThat(schedule.last().retry()).isEmpty();
  }
}
