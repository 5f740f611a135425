package io.github.pixverse4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ListTextTest {
  @Test
  @DisplayName(
      "a list reads as in a sentence: commas, the conjunction before the last, one item alone")
  void sentence() {
    assertThat(ListText.of(Arrays.asList("v3.5", "v4", "v4.5"), "or"))
        .isEqualTo("v3.5, v4 or v4.5");
    assertThat(ListText.of(Arrays.asList("a", "b"), "and")).isEqualTo("a and b");
    assertThat(ListText.of(Collections.singletonList("URL"), "or")).isEqualTo("URL");
    assertThat(ListText.of(Collections.emptyList(), "or")).isEmpty();
    assertThat(ListText.oneOf(Arrays.asList("v4", "v4.5"))).isEqualTo("one of v4 or v4.5");
    assertThat(ListText.oneOf(Collections.singletonList("URL"))).isEqualTo("URL");
  }
}
