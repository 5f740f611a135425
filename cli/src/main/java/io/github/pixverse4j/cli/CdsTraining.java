package io.github.pixverse4j.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Paths;

/**
 * The training run the {@code pixverse4j} launcher records its class-data sharing archive with
 * ({@code java -XX:ArchiveClassesAtExit=… -cp <jar> io.github.pixverse4j.cli.CdsTraining <image>}):
 * the paths people start most, so that the archive holds their classes — the top help, a command's
 * help (the full command model and picocli's help layout), and a simulated generate without
 * download. Nothing is printed; the exit code is the generate's.
 */
final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: CdsTraining <image file>");
      System.exit(ExitCodes.USAGE);
    }
    System.exit(train(args[0]));
  }

  /** Runs the training commands with their output discarded; returns the generate's exit code. */
  static int train(String image) {
    for (String[] help : new String[][] {{"--help"}, {"generate", "--help"}}) {
      int code = quiet().execute(help);
      if (code != ExitCodes.OK) return code;
    }
    return quiet()
        .execute(
            "generate",
            "--simulate",
            "--image",
            image,
            "--prompt",
            "class-data sharing training run",
            "--no-download",
            "--poll-interval",
            "50ms");
  }

  private static Main quiet() {
    return new Main(
        Env.system(),
        new PrintWriter(Writer.nullWriter()),
        new PrintWriter(Writer.nullWriter()),
        Paths.get("").toAbsolutePath(),
        false);
  }
}
