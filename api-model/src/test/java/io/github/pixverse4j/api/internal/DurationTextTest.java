package io.github.pixverse4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  @DisplayName(
      "durations read like the command line's options take them: 2s, 20m, 1m30s, never PT2S")
  void likeTheOptions() {
    assertThat(DurationText.of(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(DurationText.of(Duration.ofMinutes(20))).isEqualTo("20m");
    assertThat(DurationText.of(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(DurationText.of(Duration.ofMinutes(65))).isEqualTo("1h5m");
    assertThat(DurationText.of(Duration.ofHours(2).plusSeconds(1))).isEqualTo("2h1s");
    assertThat(DurationText.of(Duration.ofMillis(300))).isEqualTo("300ms");
    assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0s");
    assertThat(DurationText.of(Duration.ofSeconds(-2))).isEqualTo("-2s");
    assertThat(DurationText.ofSeconds(7)).isEqualTo("7s");
  }

  @Test
  @DisplayName("a fraction finer than a millisecond is kept: 5.0000001s never reads as 5s")
  void fractionKept() {
    assertThat(DurationText.of(Duration.ofSeconds(5, 100))).isEqualTo("5.0000001s");
    assertThat(DurationText.of(Duration.ofNanos(500_000))).isEqualTo("0.0005s");
  }

  @Test
  @DisplayName("null is named")
  void nullNamed() {
    assertThatThrownBy(() -> DurationText.of(null)).hasMessage("d == null");
  }
}
