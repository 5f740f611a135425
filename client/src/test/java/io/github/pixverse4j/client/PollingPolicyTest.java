package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PollingPolicyTest {
  private static final TaskHandle H = TaskHandle.of("p", "m", "t");
  private final PollingPolicy policy = PollingPolicy.builder()
      .initialDelay(Duration.ofSeconds(2))
      .interval(Duration.ofSeconds(2))
      .maxInterval(Duration.ofMillis(3800))
      .backoffAfter(Duration.ofMinutes(3))
      .jitter(0)
      .build();

  private static TaskStatus.Builder status(TaskState s) {
    return TaskStatus.builder().handle(H).state(s).observedAt(Instant.EPOCH);
  }

  @Test
  @DisplayName("without hints the interval backs off while nothing changes, up to the maximum")
  void backoff() {
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(policy.nextPollDelay(running, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.nextPollDelay(running, 1, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofSeconds(3));
    assertThat(policy.nextPollDelay(running, 2, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofMillis(3800));
    assertThat(policy.nextPollDelay(running, 50, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofMillis(3800));
  }

  @Test
  @DisplayName("after backoffAfter without change, the interval grows with the time unchanged, up to its cap")
  void longBackoff() {
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(policy.nextPollDelay(running, 50, Duration.ofMinutes(3), Optional.empty()))
        .isEqualTo(Duration.ofMillis(3800));
    assertThat(policy.nextPollDelay(running, 50, Duration.ofMinutes(6), Optional.empty()))
        .isEqualTo(Duration.ofMillis(7600));
    assertThat(policy.nextPollDelay(running, 50, Duration.ofMinutes(60), Optional.empty()))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("an ETA plans the next poll just after the expected end, within the hinted bounds")
  void eta() {
    TaskStatus eta7 = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(7)).build();
    assertThat(policy.nextPollDelay(eta7, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofMillis(7250));
    TaskStatus eta0 = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ZERO).build();
    assertThat(policy.nextPollDelay(eta0, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofMillis(500));
    TaskStatus eta600 = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofMinutes(10)).build();
    assertThat(policy.nextPollDelay(eta600, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("progress and time running give an estimate when no ETA is given")
  void progress() {
    TaskStatus p25 = status(TaskState.RUNNING).progressPercent(25).build();
    // 25 % in 3 s: 9 s left
    assertThat(policy.nextPollDelay(p25, 0, Duration.ZERO, Optional.of(Duration.ofSeconds(3)))).isEqualTo(Duration.ofMillis(9250));
  }

  @Test
  @DisplayName("a deep queue position means a longer wait")
  void queue() {
    assertThat(policy.nextPollDelay(status(TaskState.QUEUED).queuePosition(5).build(), 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.nextPollDelay(status(TaskState.QUEUED).queuePosition(0).build(), 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.nextPollDelay(status(TaskState.QUEUED).queuePosition(100).build(), 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  @DisplayName("a fixed interval ignores hints, queue depth and long unchanged stretches")
  void fixedInterval() {
    PollingPolicy p = PollingPolicy.builder().jitter(0.3).fixedInterval(Duration.ofMillis(700)).build();
    Duration d = Duration.ofMillis(700);
    assertThat(p.initialDelay()).isEqualTo(d);
    assertThat(p.nextPollDelay(status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(30)).build(),
        0, Duration.ZERO, Optional.empty())).isEqualTo(d);
    assertThat(p.nextPollDelay(status(TaskState.QUEUED).queuePosition(40).build(), 9, Duration.ZERO,
        Optional.empty())).isEqualTo(d);
    assertThat(p.nextPollDelay(status(TaskState.RUNNING).build(), 500, Duration.ofHours(1), Optional.empty()))
        .isEqualTo(d);
  }

  @Test
  @DisplayName("hints are ignored when turned off")
  void hintsOff() {
    PollingPolicy p = policy.toBuilder().useProviderHints(false).build();
    TaskStatus eta = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(30)).build();
    assertThat(p.nextPollDelay(eta, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("retries double, are capped, and honour Retry-After (capped, never shortened by jitter)")
  void retries() {
    assertThat(policy.retryDelay(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.retryDelay(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.retryDelay(20, Optional.empty())).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.retryDelay(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.retryDelay(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
    PollingPolicy jittery = policy.toBuilder().jitter(0.5).random(() -> 0.0).build();
    assertThat(jittery.retryDelay(1, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("a server-given wait is clamped between the minimum retry delay and the cap")
  void retryAfterClamped() {
    PollingPolicy policy = PollingPolicy.builder().jitter(0).retryDelay(Duration.ofSeconds(2))
        .maxRetryAfter(Duration.ofSeconds(60)).build();
    assertThat(policy.retryDelay(1, Optional.of(Duration.ZERO))).as("'Retry-After: 0' is no busy loop")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryDelay(1, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.retryDelay(1, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.retryDelay(1, Optional.of(Duration.ofMinutes(61)))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("jitter spreads delays within the configured fraction")
  void jitter() {
    PollingPolicy low = policy.toBuilder().jitter(0.1).random(() -> 0.0).build();
    PollingPolicy high = policy.toBuilder().jitter(0.1).random(() -> 0.999999).build();
    TaskStatus running = status(TaskState.RUNNING).build();
    assertThat(low.nextPollDelay(running, 0, Duration.ZERO, Optional.empty())).isEqualTo(Duration.ofMillis(1800));
    assertThat(high.nextPollDelay(running, 0, Duration.ZERO, Optional.empty())).isBetween(Duration.ofMillis(2199), Duration.ofMillis(2200));
  }

  @Test
  @DisplayName("nonsense settings are refused with the setting's name")
  void validation() {
    assertThatThrownBy(() -> PollingPolicy.builder().deadline(Duration.ZERO)).hasMessageContaining("deadline");
    assertThatThrownBy(() -> PollingPolicy.builder().jitter(2)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> PollingPolicy.builder().interval(Duration.ofSeconds(-1))).hasMessageContaining("interval");
    assertThatThrownBy(() -> PollingPolicy.builder().minInterval(Duration.ofSeconds(10)).build())
        .hasMessageContaining("maxInterval");
  }
}
