package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TransportException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The {@code error} codes of {@code --json} error objects: stable names, each in docs/cli.md. */
class ErrorKindsTest {
  private static final ErrorDetails GMI = ErrorDetails.provider("gmi");

  @Test
  @DisplayName("each kind of error has its code, never a Java class name")
  void codes() {
    assertThat(ErrorKinds.of(new IllegalArgumentException("--quality"))).isEqualTo("invalid_input");
    assertThat(ErrorKinds.of(new InvalidRequestException("x", Collections.emptyList(), GMI)))
        .isEqualTo("invalid_input");
    assertThat(ErrorKinds.of(new AuthenticationException("x", GMI))).isEqualTo("authentication");
    assertThat(ErrorKinds.of(new InsufficientCreditsException("x", GMI)))
        .isEqualTo("insufficient_credits");
    assertThat(ErrorKinds.of(new SubmitOutcomeUnknownException("x", GMI, null)))
        .isEqualTo("outcome_unknown");
    assertThat(ErrorKinds.of(new TransportException("x", GMI, null, false))).isEqualTo("network");
    assertThat(ErrorKinds.of(new ErrorKinds.OutputExistsException("x"))).isEqualTo("output_exists");
    assertThat(ErrorKinds.of(new Waits.CommandInterruptedException())).isEqualTo("interrupted");
    assertThat(ErrorKinds.of(new IllegalStateException("x"))).isEqualTo("failed");
  }

  @Test
  @DisplayName("docs/cli.md's table lists every code")
  void documented() throws Exception {
    String readme = Files.readString(Paths.get("..", "docs", "cli.md"));
    for (String code : ErrorKinds.ALL) {
      assertThat(readme).as("docs/cli.md row for %s", code).contains("| `" + code + "` |");
    }
  }
}
