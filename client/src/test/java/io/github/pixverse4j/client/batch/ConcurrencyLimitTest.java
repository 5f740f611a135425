package io.github.pixverse4j.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {
  @Test
  @DisplayName("a burst of refusals over a limit of 3 settles at 3")
  void burstSettles() {
    ConcurrencyLimit l = new ConcurrencyLimit(8);
    // 8 sent at once, 3 accepted, 5 refused; answers arrive in any order.
    l.refused(7); // 2 accepted so far + 5 unanswered
    l.refused(6);
    l.refused(5);
    l.refused(4);
    l.refused(3);
    assertThat(l.target()).isEqualTo(3);
  }

  @Test
  @DisplayName("never below 1")
  void floor() {
    ConcurrencyLimit l = new ConcurrencyLimit(2);
    l.refused(0);
    l.refused(0);
    assertThat(l.target()).isEqualTo(1);
  }

  @Test
  @DisplayName("grows by one after target × spacing accepted submits; refusals space the probes")
  void growth() {
    ConcurrencyLimit l = new ConcurrencyLimit(10);
    l.refused(3); // target 3, spacing 2
    for (int i = 0; i < 5; i++) l.accepted();
    assertThat(l.target()).isEqualTo(3);
    l.accepted(); // 6 = 3 x 2
    assertThat(l.target()).isEqualTo(4);
    l.refused(4); // the probe failed: back to 4? no: min(3, 4) = 3; spacing 4
    assertThat(l.target()).isEqualTo(3);
    for (int i = 0; i < 11; i++) l.accepted();
    assertThat(l.target()).isEqualTo(3);
    l.accepted(); // 12 = 3 x 4
    assertThat(l.target()).isEqualTo(4);
    // The raised target holds for a window (4 accepted): spacing back to 1, then +1 per window.
    for (int i = 0; i < 4; i++) l.accepted();
    assertThat(l.target()).isEqualTo(5);
  }

  @Test
  @DisplayName("never above the maximum")
  void ceiling() {
    ConcurrencyLimit l = new ConcurrencyLimit(2);
    for (int i = 0; i < 100; i++) l.accepted();
    assertThat(l.target()).isEqualTo(2);
  }
}
