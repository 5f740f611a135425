package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskHandleTest {
  @Test
  @DisplayName("a token round-trips, is URL-safe and versioned")
  void roundTrip() {
    TaskHandle h = TaskHandle.of("odirouter", "pixverse_v6_i2v", "mmsu_01hxyz ü&=:@...");
    String token = h.token();
    assertThat(token).startsWith("pv4j.1.").matches("[A-Za-z0-9._-]+");
    assertThat(TaskHandle.parse(token)).isEqualTo(h);
    assertThat(TaskHandle.parse("  " + token + "\n")).isEqualTo(h);
    assertThat(h.token()).isEqualTo(token);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".",
        "..",
        "a/b",
        "/",
        "..\\x",
        "a?b=1",
        "a#b",
        "%2e%2e",
        "a\u0000b",
        "a\nb",
        "a\u007fb"
      })
  @DisplayName(
      "a task id that would leave its path segment of a request URL is refused, in of() and in"
          + " parse() (issue 25, fault 9)")
  void refusesIdsOutsideTheirSegment(String id) {
    assertThatThrownBy(() -> TaskHandle.of("odirouter", "m", id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("taskId must not");
    String token = "pv4j.1." + enc("odirouter") + "." + enc("m") + "." + enc(id);
    assertThatThrownBy(() -> TaskHandle.parse(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a pixverse4j task token");
  }

  private static String enc(String s) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "hello",
        "pv4j",
        "pv4j.1",
        "pv4j.x.a.b.c",
        "pv4j.1.Z21p.bQ",
        "pv4j.1.Z21p.bQ.dA.extra",
        "pv4j.1.!!!.bQ.dA",
        "pv4j.1..bQ.dA",
        "pv4j.1.R01J.bQ.dA",
        "xx.1.Z21p.bQ.dA",
        "pv4j.1.Z21p.bQ.__8"
      })
  @DisplayName("garbage is rejected with a message that says it is not a token")
  void rejectsGarbage(String token) {
    assertThatThrownBy(() -> TaskHandle.parse(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a pixverse4j task token:");
  }

  @Test
  @DisplayName("a newer token version asks the user to upgrade")
  void newerVersion() {
    String t = TaskHandle.of("gmi", "m", "t").token().replace("pv4j.1.", "pv4j.2.");
    assertThatThrownBy(() -> TaskHandle.parse(t)).hasMessageContaining("upgrade pixverse4j");
  }

  @Test
  @DisplayName("overlong tokens are rejected before decoding")
  void overlong() {
    assertThatThrownBy(() -> TaskHandle.parse("pv4j.1." + "A".repeat(5000)))
        .hasMessageContaining("longer than");
  }

  @Test
  @DisplayName("random and mutated input never throws anything but IllegalArgumentException")
  void fuzz() {
    Random r = new Random(42);
    String valid = TaskHandle.of("pixverse", "v4.5", "123456789").token();
    for (int i = 0; i < 20_000; i++) {
      String input;
      if (i % 2 == 0) {
        char[] c = valid.toCharArray();
        for (int k = 0; k < 1 + r.nextInt(3); k++)
          c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
        input = new String(c);
      } else {
        byte[] b = new byte[r.nextInt(64)];
        r.nextBytes(b);
        input = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      }
      try {
        TaskHandle h = TaskHandle.parse(input);
        assertThat(TaskHandle.parse(h.token())).isEqualTo(h);
      } catch (IllegalArgumentException expected) {
        // fine
      }
    }
  }

  @Test
  @DisplayName(
      "ids with unpaired surrogates are refused, since their token would name another task")
  void unpairedSurrogates() {
    assertThatThrownBy(() -> TaskHandle.of("gmi", "m", "job-\ud800-1"))
        .hasMessageContaining("well-formed");
    assertThatThrownBy(() -> TaskHandle.of("gmi", "m", "\udc00"))
        .hasMessageContaining("well-formed");
    TaskHandle emoji = TaskHandle.of("gmi", "m", "job-\ud83d\ude00");
    assertThat(TaskHandle.parse(emoji.token())).isEqualTo(emoji);
  }

  @Test
  @DisplayName("of() validates its parts")
  void validatesParts() {
    assertThatThrownBy(() -> TaskHandle.of("GMI", "m", "t")).hasMessageContaining("providerId");
    assertThatThrownBy(() -> TaskHandle.of("gmi", "", "t")).hasMessageContaining("model");
    assertThatThrownBy(() -> TaskHandle.of("gmi", "m", "")).hasMessageContaining("taskId");
    assertThatThrownBy(() -> TaskHandle.of(null, "m", "t")).hasMessage("providerId == null");
  }
}
