package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The quick --version and --help print exactly what the full command model prints. */
class QuickStartTest {
  private String out;
  private String err;

  private int viaMain(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        new Main(
                n -> null, new PrintWriter(o, true), new PrintWriter(e, true), Paths.get(""), false)
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private int viaFullModel(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        new Main(
                n -> null, new PrintWriter(o, true), new PrintWriter(e, true), Paths.get(""), false)
            .commandLine()
            .execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  @DisplayName(
      "--help, -h, --version and -V print what the full command model prints, with its exit code")
  void sameAsTheFullModel() {
    for (String arg : List.of("--help", "-h", "--version", "-V")) {
      int fullCode = viaFullModel(arg);
      String fullOut = out;
      String fullErr = err;
      assertThat(
              QuickStart.run(
                  new String[] {arg},
                  new PrintWriter(new StringWriter()),
                  new PrintWriter(new StringWriter())))
          .as("%s takes the quick path", arg)
          .isNotNull();
      assertThat(viaMain(arg)).as(arg).isEqualTo(fullCode);
      assertThat(out).as(arg).isEqualTo(fullOut).isNotBlank();
      assertThat(err).as(arg).isEqualTo(fullErr);
    }
    assertThat(out).startsWith("pixverse4j ");
  }

  @Test
  @DisplayName(
      "the top help lists every command of the model, and nothing else takes the quick path")
  void everyCommandListed() {
    viaMain("--help");
    for (String name :
        new Main(
                n -> null,
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Paths.get(""),
                false)
            .commandLine()
            .getSubcommands()
            .keySet()) {
      assertThat(out).contains("  " + name + " ");
    }
    for (String[] args :
        List.of(
            new String[0],
            new String[] {"generate", "--help"},
            new String[] {"--help", "x"},
            new String[] {"--versions"})) {
      assertThat(
              QuickStart.run(
                  args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())))
          .as(String.join(" ", args))
          .isNull();
    }
  }
}
