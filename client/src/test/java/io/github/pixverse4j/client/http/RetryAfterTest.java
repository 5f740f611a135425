package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
  // Wed, 21 Oct 2015 07:28:00 GMT
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

  @Test
  @DisplayName("delta-seconds are read as seconds")
  void seconds() {
    assertThat(RetryAfter.parse("120", CLOCK)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 7 ", CLOCK)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse("0", CLOCK)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("000000000000000030", CLOCK)).contains(Duration.ofSeconds(30));
  }

  @Test
  @DisplayName("an HTTP-date in the future is the time until then")
  void futureDate() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:29:30 GMT", CLOCK))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  @DisplayName("an HTTP-date in the past means no wait")
  void pastDate() {
    assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ZERO);
  }

  @Test
  @DisplayName(
      "an HTTP-date is measured against the answer's Date header: a server clock an hour off"
          + " changes nothing")
  void serverClock() {
    // The server's clock is an hour ahead of ours (CLOCK), then an hour behind; it asks for 10 s.
    okhttp3.Headers ahead =
        okhttp3.Headers.of(
            "Date",
            "Wed, 21 Oct 2015 08:28:00 GMT",
            "Retry-After",
            "Wed, 21 Oct 2015 08:28:10 GMT");
    okhttp3.Headers behind =
        okhttp3.Headers.of(
            "Date",
            "Wed, 21 Oct 2015 06:28:00 GMT",
            "Retry-After",
            "Wed, 21 Oct 2015 06:28:10 GMT");
    assertThat(RetryAfter.fromHeaders(ahead, CLOCK)).contains(Duration.ofSeconds(10));
    assertThat(RetryAfter.fromHeaders(behind, CLOCK)).contains(Duration.ofSeconds(10));
    // Without a (readable) Date, our clock is all there is.
    assertThat(
            RetryAfter.fromHeaders(
                okhttp3.Headers.of("Retry-After", "Wed, 21 Oct 2015 07:28:10 GMT"), CLOCK))
        .contains(Duration.ofSeconds(10));
    assertThat(
            RetryAfter.fromHeaders(
                okhttp3.Headers.of(
                    "Date", "yesterday", "Retry-After", "Wed, 21 Oct 2015 07:28:10 GMT"),
                CLOCK))
        .contains(Duration.ofSeconds(10));
    assertThat(
            RetryAfter.fromHeaders(
                okhttp3.Headers.of("Date", "Wed, 21 Oct 2015 08:28:00 GMT", "Retry-After", "7"),
                CLOCK))
        .as("delta-seconds need no clock")
        .contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.fromHeaders(null, CLOCK)).isEmpty();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {"", "soon", "-5", "1.5", "12s", "99999999999999999999", "Wed, 99 Oct 2015"})
  @DisplayName("garbage, negative and absurd values are ignored")
  void garbage(String value) {
    assertThat(RetryAfter.parse(value, CLOCK)).isEmpty();
  }
}
