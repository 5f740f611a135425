package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyTest {
  private static final String SECRET = "sk-live-0123456789abcdef";

  @Test
  @DisplayName("toString never shows the key")
  void toStringIsRedacted() {
    ApiKey key = ApiKey.of(SECRET);
    assertThat(key.toString()).isEqualTo("ApiKey[****]").doesNotContain("sk-");
    assertThat(String.valueOf(java.util.List.of(key))).doesNotContain(SECRET);
  }

  @Test
  @DisplayName(
      "scrub replaces a key of MIN_SCRUBBED_LENGTH or more characters and leaves a shorter one (no"
          + " secret) alone")
  void scrubThreshold() {
    String text = "Name or service not known; key=";
    assertThat(ApiKey.of("k").scrub(text + "k")).isEqualTo(text + "k");
    assertThat(ApiKey.of("k").occursIn(text)).isFalse();
    String seven = "abcdefg";
    assertThat(seven).hasSize(ApiKey.MIN_SCRUBBED_LENGTH - 1);
    assertThat(ApiKey.of(seven).scrub("x" + seven + "x")).isEqualTo("x" + seven + "x");
    String eight = "abcdefgh";
    assertThat(ApiKey.of(eight).scrub("x" + eight + "x " + eight)).isEqualTo("x****x ****");
    assertThat(ApiKey.of(eight).occursIn("x" + eight)).isTrue();
    assertThat(ApiKey.of(SECRET).scrub(null)).isNull();
  }

  @Test
  @DisplayName("reveal gives the trimmed key")
  void revealTrims() {
    assertThat(ApiKey.of("  " + SECRET + "\t").reveal()).isEqualTo(SECRET);
  }

  @Test
  @DisplayName("null is rejected naming the parameter")
  void rejectsNull() {
    assertThatThrownBy(() -> ApiKey.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("apiKey == null");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t\n"})
  @DisplayName("a blank key is rejected")
  void rejectsBlank(String blank) {
    assertThatThrownBy(() -> ApiKey.of(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sk-live\n0123456789", "sk-live\r0123456789", "sk-live\u00000123", "sk-livé-0123"})
  @DisplayName("a key that cannot go into a header is rejected without echoing it")
  void rejectsHeaderUnsafeCharacters(String bad) {
    assertThatThrownBy(() -> ApiKey.of(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTP header")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("sk-live").doesNotContain("0123"));
  }

  @Test
  @DisplayName("keys are equal by content")
  void equality() {
    assertThat(ApiKey.of(SECRET)).isEqualTo(ApiKey.of(" " + SECRET));
    assertThat(ApiKey.of(SECRET)).hasSameHashCodeAs(ApiKey.of(SECRET));
    assertThat(ApiKey.of(SECRET)).isNotEqualTo(ApiKey.of(SECRET + "x"));
    assertThat(ApiKey.of(SECRET).hashCode()).isNotEqualTo(SECRET.hashCode());
  }

  @Test
  @DisplayName("the key type is not Serializable")
  void notSerializable() {
    assertThat(java.io.Serializable.class.isAssignableFrom(ApiKey.class)).isFalse();
  }
}
