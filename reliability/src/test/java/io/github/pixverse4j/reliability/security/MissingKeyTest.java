package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.reliability.Provider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A key that is not there, as {@code apiKey(System.getenv("GMI_API_KEY"))} gives when the variable
 * is not set, is named in words by every facade builder, with the provider and the variable its key
 * is read from: no bare {@code NullPointerException: apiKey == null}, and nothing to send.
 */
class MissingKeyTest {
  @ParameterizedTest
  @EnumSource(Provider.class)
  @DisplayName("apiKey(null) names the provider and its key variable")
  void nullKey(Provider p) {
    assertThatThrownBy(() -> p.builder().apiKey(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No API key for provider " + p.id + ": apiKey(..) was given null")
        .hasMessageContaining("set the environment variable " + p.envVar + " to it")
        .hasMessageContaining("apiKey(System.getenv(\"" + p.envVar + "\"))");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  @DisplayName("a blank key names the provider and its key variable")
  void blankKey(Provider p) {
    for (String blank : new String[] {"", "  ", "\t\n"}) {
      assertThatThrownBy(() -> p.builder().apiKey(blank))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "No API key for provider " + p.id + ": apiKey(..) was given a blank key")
          .hasMessageContaining(p.envVar);
    }
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  @DisplayName("build() without apiKey(..) names the provider and its key variable")
  void noKey(Provider p) {
    assertThatThrownBy(() -> p.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "No API key for provider " + p.id + ": apiKey(..) was not called before build()")
        .hasMessageContaining("set the environment variable " + p.envVar + " to it");
  }
}
