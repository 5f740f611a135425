package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.internal.PollingInternals;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The bridge through which the project's own modules reach {@link PollingPolicy}'s non-public
 * schedule: it computes what the policy computes and sets the knobs it names, with the same
 * validation.
 */
class PollingInternalsTest {
  private static final TaskHandle H = TaskHandle.of("p", "m", "t");

  private static TaskStatus.Builder status(TaskState s) {
    return TaskStatus.builder().handle(H).state(s).observedAt(Instant.EPOCH);
  }

  @Test
  @DisplayName("nextPollDelay and retryDelay through the bridge are the policy's own")
  void computesWhatThePolicyComputes() {
    PollingPolicy p = PollingPolicy.builder().jitter(0).build();
    TaskStatus queued = status(TaskState.QUEUED).queuePosition(3).build();
    TaskStatus eta = status(TaskState.RUNNING).estimatedTimeRemaining(Duration.ofSeconds(7)).build();
    TaskStatus plain = status(TaskState.RUNNING).build();
    for (TaskStatus s : new TaskStatus[] {queued, eta, plain}) {
      for (int polls : new int[] {0, 2, 40}) {
        Duration unchangedFor = Duration.ofSeconds(polls * 4L);
        assertThat(PollingInternals.nextPollDelay(p, s, polls, unchangedFor, Optional.empty()))
            .isEqualTo(p.nextPollDelay(s, polls, unchangedFor, Optional.empty()));
      }
    }
    assertThat(PollingInternals.nextPollDelay(p, queued, 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(Duration.ofSeconds(6));
    assertThat(PollingInternals.retryDelay(p, 3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
    assertThat(PollingInternals.retryDelay(p, 1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("tune(builder) sets the adaptive knobs on that builder")
  void tuneSetsTheKnobs() {
    PollingPolicy.Builder b = PollingPolicy.builder().jitter(0.5);
    PollingPolicy p = PollingInternals.tune(b)
        .backoffFactor(2)
        .backoffAfter(Duration.ofSeconds(10))
        .maxBackoffInterval(Duration.ofSeconds(40))
        .maxHintedInterval(Duration.ofSeconds(9))
        .etaMargin(Duration.ofSeconds(1))
        .useProviderHints(false)
        .queuedIntervalPerPosition(Duration.ofSeconds(3))
        .maxQueuedInterval(Duration.ofSeconds(20))
        .random(() -> 0.5)
        .build();
    assertThat(p.backoffFactor()).isEqualTo(2.0);
    assertThat(p.backoffAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.maxBackoffInterval()).isEqualTo(Duration.ofSeconds(40));
    assertThat(p.maxHintedInterval()).isEqualTo(Duration.ofSeconds(9));
    assertThat(PollingInternals.maxHintedInterval(p)).isEqualTo(Duration.ofSeconds(9));
    assertThat(p.etaMargin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.useProviderHints()).isFalse();
    assertThat(p.queuedIntervalPerPosition()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.maxQueuedInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.jitter()).as("public settings made before tune(..) stay").isEqualTo(0.5);
    // random() == 0.5 puts the jitter spread at zero: the interval as configured.
    assertThat(p.nextPollDelay(status(TaskState.RUNNING).build(), 0, Duration.ZERO, Optional.empty()))
        .isEqualTo(p.interval());
    assertThat(PollingInternals.tune(b).builder()).as("back to the public setters").isSameAs(b);
  }

  @Test
  @DisplayName("tune(..) validates as the builder does, and the hooks are registered only once")
  void validates() {
    PollingPolicy.Builder b = PollingPolicy.builder();
    assertThatThrownBy(() -> PollingInternals.tune(b).backoffFactor(0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoffFactor");
    assertThatThrownBy(() -> PollingInternals.tune(b).etaMargin(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("etaMargin");
    assertThatThrownBy(() -> PollingInternals.tune(b).random(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PollingInternals.tune(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PollingInternals.register(null))
        .isInstanceOf(IllegalStateException.class);
  }
}
