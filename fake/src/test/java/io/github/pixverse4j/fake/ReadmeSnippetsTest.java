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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The root README's "Testing your code" examples are test classes the build compiles and runs; this
 * keeps the page equal to them. Each {@code <!-- snippet: path -->} marker is followed by a {@code
 * java} block that must equal that file without its package line.
 */
class ReadmeSnippetsTest {
  private static final Pattern SNIPPET =
      Pattern.compile("<!-- snippet: (\\S+) -->\\n```java\\n(.*?)\\n```", Pattern.DOTALL);

  @Test
  @DisplayName("every README snippet is exactly the test source it names")
  void snippetsEqualTheirSources() throws IOException {
    Path root = repositoryRoot();
    String readme = read(root.resolve("README.md"));
    Matcher m = SNIPPET.matcher(readme);
    List<String> checked = new ArrayList<>();
    while (m.find()) {
      String path = m.group(1);
      assertThat(m.group(2))
          .as("the README block after '<!-- snippet: %s -->' must equal that file without its package"
              + " line; copy the file into the README (or fix the file)", path)
          .isEqualTo(withoutPackage(read(root.resolve(path))));
      checked.add(path);
    }
    assertThat(checked).as("snippets found in README.md").containsExactlyInAnyOrder(
        "fake/src/test/java/io/github/pixverse4j/fake/ClipMakerTest.java",
        "provider-gmi/src/test/java/io/github/pixverse4j/gmi/GmiSimulatorExampleTest.java");
  }

  static String withoutPackage(String source) {
    List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
    assertThat(lines.get(0)).startsWith("package ");
    lines.remove(0);
    while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0);
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
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
