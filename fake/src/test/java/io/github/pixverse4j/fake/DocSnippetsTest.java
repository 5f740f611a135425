package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The code examples of the root README and the pages in {@code docs/} that are classes the build
 * compiles and runs (tests, and the quick start in {@code examples}) stay equal to them. Each
 * {@code <!-- snippet: path -->} marker is followed by a {@code java} block that must equal that
 * file without its package line.
 */
class DocSnippetsTest {
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  @DisplayName("every snippet in README.md and docs/*.md is exactly the source it names")
  void snippetsEqualTheirSources() throws IOException {
    Path root = repositoryRoot();
    List<String> checked = new ArrayList<>();
    for (Path page : pages(root)) {
      Matcher m = SNIPPET.matcher(read(page));
      while (m.find()) {
        String path = m.group(1);
        assertThat(m.group(2))
            .as(
                "the block in %s after '<!-- snippet: %s -->' must equal that file without its"
                    + " package line; copy the file into the page (or fix the file)",
                root.relativize(page), path)
            .isEqualTo(withoutPackage(read(root.resolve(path))));
        checked.add(path);
      }
    }
    assertThat(checked)
        .as("snippets found in README.md and docs/")
        .containsExactlyInAnyOrder(
            "fake/src/test/java/io/github/pixverse4j/fake/ClipMakerTest.java",
            "provider-gmi/src/test/java/io/github/pixverse4j/gmi/GmiSimulatorExampleTest.java",
            "examples/src/main/java/io/github/pixverse4j/examples/QuickStart.java",
            "micrometer/src/test/java/io/github/pixverse4j/micrometer/ActuatorRecipeTest.java",
            "webhook-server/src/test/java/io/github/pixverse4j/webhook/server/recipe/CallbackServlet.java");
  }

  /** README.md and every Markdown page in docs/. */
  static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      pages.addAll(
          docs.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
    }
    return pages;
  }

  static String withoutPackage(String source) {
    List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
    assertThat(lines.get(0)).startsWith("package ");
    lines.remove(0);
    while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty())
      lines.remove(lines.size() - 1);
    return String.join("\n", lines);
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static Path repositoryRoot() {
    // Surefire runs in the module directory; the README sits one level up.
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md").getParent().resolve("fake"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root above " + Paths.get("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
