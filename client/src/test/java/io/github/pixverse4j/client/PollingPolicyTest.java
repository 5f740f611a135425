package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The policy's own rules; the schedule computed from it is tested in {@code
 * internal.PollScheduleTest}.
 */
class PollingPolicyTest {
  @Test
  @DisplayName("nonsense settings are refused with the setting's name")
  void validation() {
    assertThatThrownBy(() -> PollingPolicy.builder().deadline(Duration.ZERO))
        .hasMessageContaining("deadline");
    assertThatThrownBy(() -> PollingPolicy.builder().jitter(2)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> PollingPolicy.builder().interval(Duration.ofSeconds(-1)))
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> PollingPolicy.builder().minInterval(Duration.ofSeconds(10)).build())
        .hasMessageContaining("maxInterval");
  }
}
