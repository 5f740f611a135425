package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  @Test
  @DisplayName(
      "the launcher's training run goes through --help, generate --help and a simulated generate")
  void trainingRunSucceeds() {
    assertThat(CdsTraining.train(CAT.toString())).isZero();
    assertThat(CdsTraining.train(CAT.resolveSibling("missing.png").toString()))
        .as("a failed generate fails the training, so the launcher keeps no archive of it")
        .isEqualTo(ExitCodes.USAGE);
  }
}
