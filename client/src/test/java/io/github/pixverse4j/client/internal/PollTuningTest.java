package io.github.pixverse4j.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The adaptive knobs, set by the project's own modules on a policy with {@code
 * PollingPolicy.Builder.tuning(..)} (before: through the {@code PollingInternals} bridge, whose
 * assertions moved here and to {@link PollScheduleTest}).
 */
class PollTuningTest {
  @Test
  @DisplayName(
      "tuning(..) sets the adaptive knobs on that builder; public settings made before stay")
  void tuningSetsTheKnobs() {
    PollingPolicy.Builder b = PollingPolicy.builder().jitter(0.5);
    PollTuning t =
        PollTuning.builder()
            .intervalGrowth(2)
            .staleAfter(Duration.ofSeconds(10))
            .maxStaleInterval(Duration.ofSeconds(40))
            .maxHintedInterval(Duration.ofSeconds(9))
            .etaMargin(Duration.ofSeconds(1))
            .useProviderHints(false)
            .queuedIntervalPerPosition(Duration.ofSeconds(3))
            .maxQueuedInterval(Duration.ofSeconds(20))
            .random(() -> 0.5)
            .build();
    assertThat(b.tuning(t)).as("back to the public setters").isSameAs(b);
    PollingPolicy p = b.build();
    assertThat(p.tuning()).isSameAs(t);
    assertThat(t.intervalGrowth()).isEqualTo(2.0);
    assertThat(t.staleAfter()).isEqualTo(Duration.ofSeconds(10));
    assertThat(t.maxStaleInterval()).isEqualTo(Duration.ofSeconds(40));
    assertThat(t.maxHintedInterval()).isEqualTo(Duration.ofSeconds(9));
    assertThat(t.etaMargin()).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.useProviderHints()).isFalse();
    assertThat(t.queuedIntervalPerPosition()).isEqualTo(Duration.ofSeconds(3));
    assertThat(t.maxQueuedInterval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.jitter()).as("public settings made before tuning(..) stay").isEqualTo(0.5);
    // random() == 0.5 puts the jitter spread at zero: the interval as configured.
    assertThat(
            PollScheduleTest.delay(
                p,
                PollScheduleTest.status(TaskState.RUNNING).build(),
                0,
                Duration.ZERO,
                Optional.empty()))
        .isEqualTo(p.interval());
    assertThat(t.toBuilder().build())
        .as("toBuilder copies every knob")
        .usingRecursiveComparison()
        .isEqualTo(t);
  }

  @Test
  @DisplayName("the defaults are the documented ones, and fixedInterval turns adaptation off")
  void defaults() {
    PollTuning d = PollingPolicy.defaults().tuning();
    assertThat(d.intervalGrowth()).isEqualTo(1.5);
    assertThat(d.staleAfter()).isEqualTo(Duration.ofSeconds(135));
    assertThat(d.maxStaleInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(d.maxHintedInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(d.etaMargin()).isEqualTo(Duration.ofMillis(250));
    assertThat(d.useProviderHints()).isTrue();
    assertThat(d.queuedIntervalPerPosition()).isEqualTo(Duration.ofSeconds(2));
    assertThat(d.maxQueuedInterval()).isEqualTo(Duration.ofSeconds(15));
    PollTuning fixed =
        PollingPolicy.builder().fixedInterval(Duration.ofSeconds(1)).build().tuning();
    assertThat(fixed.intervalGrowth()).isEqualTo(1.0);
    assertThat(fixed.staleAfter()).isEqualTo(Duration.ZERO);
    assertThat(fixed.useProviderHints()).isFalse();
  }

  @Test
  @DisplayName("the knobs validate as the policy's builder does")
  void validates() {
    PollTuning.Builder b = PollTuning.builder();
    assertThatThrownBy(() -> b.intervalGrowth(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intervalGrowth");
    assertThatThrownBy(() -> b.etaMargin(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("etaMargin");
    assertThatThrownBy(() -> b.staleAfter(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("staleAfter");
    assertThatThrownBy(() -> b.random(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PollingPolicy.builder().tuning(null))
        .isInstanceOf(NullPointerException.class);
  }
}
