package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.client.http.ApiKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusNamesTest {
  private final StatusNames names =
      StatusNames.builder("p")
          .add("TASK_STATUS_SUCCEED")
          .add("IN_PROGRESS")
          .add("CANCELLED", "CANCELED")
          .build();

  @Test
  @DisplayName(
      "case, surrounding whitespace, '-' and ' ' for '_' and documented synonyms are the same"
          + " value")
  void spellingIsNotAState() {
    assertThat(names.canonical("task_status_succeed")).contains("TASK_STATUS_SUCCEED");
    assertThat(names.canonical("  TASK_STATUS_SUCCEED\n")).contains("TASK_STATUS_SUCCEED");
    assertThat(names.canonical("in-progress")).contains("IN_PROGRESS");
    assertThat(names.canonical("In Progress")).contains("IN_PROGRESS");
    assertThat(names.canonical("canceled")).contains("CANCELLED");
    assertThat(names.canonical("TASK_STATUS_SUCCEEDED"))
        .as("no guessing beyond the documented values")
        .isEmpty();
    assertThat(names.canonical(null)).isEmpty();
  }

  @Test
  @DisplayName(
      "an unknown value is quoted exactly as received, key removed, control characters escaped")
  void unknownQuotedExactly() {
    MalformedResponseException e =
        names.unknown(" Paused\tkey-123456789 ", ApiKey.of("key-123456789"));
    assertThat(e.getMessage())
        .contains("the status value \" Paused\\u0009**** \",")
        .contains("known: TASK_STATUS_SUCCEED, IN_PROGRESS, CANCELLED")
        .doesNotContain("key-123456789");
    assertThat(e.unreadable()).as("well-formed but unknown: not retried").isFalse();
  }

  @Test
  @DisplayName("one spelling cannot stand for two values")
  void noAmbiguity() {
    assertThatThrownBy(() -> StatusNames.builder("p").add("DONE").add("FINISHED", "done"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DONE");
  }
}
