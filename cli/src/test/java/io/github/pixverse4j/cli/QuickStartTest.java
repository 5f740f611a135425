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

  @Test
  @DisplayName(
      "the top help is the same whatever the environment and directory, so the launcher may print"
          + " the text it recorded after the build (pixverse4j-cli.help) instead of starting Java")
  void topHelpIndependentOfTheEnvironment() {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    for (io.github.pixverse4j.client.VideoProviderFactory f : Connection.factories()) {
      env.put(f.apiKeyEnvironmentVariable(), "key-" + f.id());
    }
    env.put("PIXVERSE4J_HOME", "/nonexistent");
    env.put("COLUMNS", "200");
    viaFullModel("--help");
    String recorded = out;
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code =
        new Main(
                env::get,
                new PrintWriter(o, true),
                new PrintWriter(e, true),
                Paths.get("/tmp").toAbsolutePath(),
                true)
            .execute("--help");
    assertThat(code).isZero();
    assertThat(o.toString()).isEqualTo(recorded);
    assertThat(e.toString()).isEmpty();
  }
}
