package io.github.pixverse4j.cli;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Whether a test can deliver Ctrl-C (SIGINT) to the processes it starts. A build started in the
 * background by a non-interactive shell ({@code ./mvnw verify &}, {@code nohup … &}) runs with
 * SIGINT ignored, and an ignored signal is inherited and cannot be trapped again: the JVM then
 * installs no handler and bash cannot trap it, so a Ctrl-C test would wait for a signal that never
 * arrives and fail with a misleading message. Such tests are skipped there, saying why.
 */
final class CtrlC {
  private CtrlC() {}

  /** Skips the calling test when this JVM was started with SIGINT ignored (Linux: /proc). */
  static void assumeDeliverable() throws IOException {
    assumeFalse(
        ignoredHere().orElse(false),
        "SIGINT is ignored in this process (started in the background by a non-interactive shell),"
            + " so the processes this test starts cannot be sent Ctrl-C; run the build in the"
            + " foreground");
  }

  /**
   * From the {@code SigIgn} mask of /proc/self/status, bit 1 (SIGINT is signal 2); empty elsewhere.
   */
  static Optional<Boolean> ignoredHere() throws IOException {
    Path status = Paths.get("/proc/self/status");
    if (!Files.isReadable(status)) return Optional.empty();
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
        return Optional.of((mask & 0b10) != 0);
      }
    }
    return Optional.empty();
  }
}
