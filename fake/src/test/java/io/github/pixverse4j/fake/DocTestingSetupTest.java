package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What docs/testing.md and the "Shrinking" section of docs/android.md tell a user about set-up is
 * checked against the build: the Maven snippet is well-formed and names artifacts the BOM manages,
 * and the jars said to ship shrinker rules are exactly the ones that do.
 */
class DocTestingSetupTest {
  static final class Dep {
    final String groupId;
    final String artifactId;
    final String scope;
    final String type;

    Dep(Element e) {
      groupId = text(e, "groupId");
      artifactId = text(e, "artifactId");
      scope = text(e, "scope");
      type = text(e, "type");
    }

    static String text(Element e, String tag) {
      NodeList l = e.getElementsByTagName(tag);
      return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }
  }

  @Test
  @DisplayName(
      "docs/testing.md shows the whole Maven set-up: the BOM import, the client, the fake, JUnit 5"
          + " and AssertJ")
  void mavenSetUp() throws Exception {
    Path root = root();
    String section = read(root.resolve("docs/testing.md"));
    Matcher xml = Pattern.compile("```xml\\n(.*?)\\n```", Pattern.DOTALL).matcher(section);
    assertThat(xml.find()).as("an xml block in docs/testing.md").isTrue();
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    ("<project>" + xml.group(1) + "</project>").getBytes(StandardCharsets.UTF_8)));
    List<Dep> deps = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("dependency");
    for (int i = 0; i < nodes.getLength(); i++) deps.add(new Dep((Element) nodes.item(i)));

    assertThat(deps)
        .anySatisfy(
            d -> {
              assertThat(d.artifactId).isEqualTo("pixverse4j-bom");
              assertThat(d.type).isEqualTo("pom");
              assertThat(d.scope).isEqualTo("import");
            });
    assertThat(deps)
        .anySatisfy(
            d -> {
              assertThat(d.artifactId).isEqualTo("pixverse4j-fake");
              assertThat(d.scope).isEqualTo("test");
            });
    assertThat(deps)
        .anySatisfy(
            d -> {
              assertThat(d.artifactId).isEqualTo("pixverse4j-client");
              assertThat(d.scope).isNull();
            });
    assertThat(deps)
        .anySatisfy(
            d -> {
              assertThat(d.artifactId).isEqualTo("junit-jupiter");
              assertThat(d.scope).isEqualTo("test");
            });
    assertThat(deps)
        .anySatisfy(
            d -> {
              assertThat(d.artifactId).isEqualTo("assertj-core");
              assertThat(d.scope).isEqualTo("test");
            });
    String bom = read(root.resolve("bom/pom.xml"));
    for (Dep d : deps) {
      if ("io.github.pixverse4j".equals(d.groupId) && !"pixverse4j-bom".equals(d.artifactId)) {
        assertThat(bom)
            .as("the BOM manages " + d.artifactId)
            .contains("<artifactId>" + d.artifactId + "</artifactId>");
      }
    }
    assertThat(section)
        .contains("import io.github.pixverse4j.fake.*;")
        .contains("one fake per test");
  }

  @Test
  @DisplayName(
      "docs/android.md's shrinking section names exactly the jars that ship shrinker rules, and the"
          + " test-only jars as shipping none")
  void shrinkerRulesNamed() throws IOException {
    Path root = root();
    String section =
        section(read(root.resolve("docs/android.md")), "## Shrinking with R8 or ProGuard");
    int none = section.indexOf("ship none");
    assertThat(none).as("the section says which jars ship none").isPositive();
    String ships = section.substring(0, section.lastIndexOf('.', none));
    String shipsNone = section.substring(ships.length(), none);

    TreeSet<String> withRules = new TreeSet<>();
    TreeSet<String> withoutRules = new TreeSet<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : (Iterable<Path>) modules::iterator) {
        Path pom = m.resolve("pom.xml");
        if (!Files.exists(pom) || m.equals(root)) continue;
        Matcher a =
            Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL)
                .matcher(read(pom));
        if (!a.find()) continue;
        String artifact = a.group(1);
        if (Files.exists(m.resolve("src/main/resources/META-INF/proguard/" + artifact + ".pro"))) {
          withRules.add(artifact);
        } else {
          withoutRules.add(artifact);
        }
      }
    }
    assertThat(withRules).isNotEmpty();
    for (String a : withRules)
      assertThat(ships).as("named as shipping rules").contains("`" + a + "`");
    for (String a :
        new String[] {"pixverse4j-fake", "pixverse4j-testkit", "pixverse4j-simulator"}) {
      assertThat(withoutRules).contains(a);
      assertThat(shipsNone).as("named as shipping none").contains("`" + a + "`");
      assertThat(ships).doesNotContain("`" + a + "`");
    }
  }

  private static String section(String readme, String heading) {
    int start = readme.indexOf(heading);
    assertThat(start).as(heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static Path root() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("fake")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root above " + Paths.get("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
