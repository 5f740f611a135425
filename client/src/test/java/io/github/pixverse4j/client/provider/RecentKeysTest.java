package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecentKeysTest {
  @Test
  @DisplayName("a key is new once, until it expires")
  void expiry() {
    RecentKeys keys = new RecentKeys(10, 1000);
    assertThat(keys.add("a", 0)).isTrue();
    assertThat(keys.add("a", 999)).isFalse();
    assertThat(keys.contains("a", 999)).isTrue();
    assertThat(keys.add("a", 1000)).isTrue();
  }

  @Test
  @DisplayName("at most capacity keys are kept, the oldest dropped first")
  void bounded() {
    RecentKeys keys = new RecentKeys(2, Long.MAX_VALUE);
    keys.add("a", 0);
    keys.add("b", 1);
    keys.add("c", 2);
    assertThat(keys.size()).isEqualTo(2);
    assertThat(keys.contains("a", 3)).isFalse();
    assertThat(keys.contains("c", 3)).isTrue();
  }
}
