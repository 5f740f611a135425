package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.client.http.ApiKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorAnswerTest {
  private static final ApiKey KEY = ApiKey.of("sk-answer-secret-9");

  @Test
  @DisplayName("the provider's words end the message after one marker, scrubbed and on one line")
  void saidSuffix() {
    ErrorAnswer a = ErrorAnswer.of("acme", 400, KEY).withWords("bad\nkey " + KEY.reveal());
    assertThat(a.words()).isEqualTo("bad key ****");
    assertThat(a.saidSuffix()).isEqualTo(". Provider said: bad key ****");
  }

  @Test
  @DisplayName(
      "the first candidate with words wins: the body's message, else the body; none, no suffix")
  void firstWordsWin() {
    assertThat(ErrorAnswer.of("acme", 500, KEY).withWords(null, " ", "the body").words())
        .isEqualTo("the body");
    assertThat(ErrorAnswer.of("acme", 500, KEY).withWords("message", "the body").words())
        .isEqualTo("message");
    ErrorAnswer silent = ErrorAnswer.of("acme", 500, KEY).withWords(null, "");
    assertThat(silent.words()).isEmpty();
    assertThat(silent.saidSuffix()).isEmpty();
    assertThat(ErrorAnswer.of("acme", 500, KEY).saidSuffix()).as("no words given").isEmpty();
  }

  @Test
  @DisplayName(
      "details carry provider, HTTP status and the scrubbed code; no code, none in details")
  void details() {
    ErrorDetails d = ErrorAnswer.of("acme", 402, KEY).withCode("NO_" + KEY.reveal()).details();
    assertThat(d.providerId()).contains("acme");
    assertThat(d.httpStatus()).contains(402);
    assertThat(d.providerCode()).contains("NO_****");
    assertThat(ErrorAnswer.of("acme", 402, KEY).withCode(null).details().providerCode()).isEmpty();
    assertThat(ErrorAnswer.of("acme", 402, KEY).withCode(" ").code()).isNull();
  }

  @Test
  @DisplayName("withers keep what was set before")
  void withersKeep() {
    ErrorAnswer a = ErrorAnswer.of("acme", 429, null).withCode("SLOW").withWords("wait");
    assertThat(a.withCode("SLOWER").words()).isEqualTo("wait");
    assertThat(a.withWords("later").code()).isEqualTo("SLOW");
    assertThat(a.providerId()).isEqualTo("acme");
    assertThat(a.httpStatus()).isEqualTo(429);
  }

  @Test
  @DisplayName("a missing provider id is named")
  void providerIdRequired() {
    assertThatThrownBy(() -> ErrorAnswer.of(null, 400, KEY)).hasMessage("providerId == null");
  }
}
