package io.github.pixverse4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the README's quick start tells a user to set up is what this module builds with: the install
 * command, and the one dependency with the project's coordinates and version.
 */
class QuickStartSetUpTest {
  @Test
  @DisplayName(
      "the README's quick start installs the artifacts and adds the dependency this module uses, at"
          + " this version")
  void readmeSetUpMatchesTheBuild() throws IOException {
    String readme = read(Paths.get("..", "README.md"));
    int start = readme.indexOf("## Quick start (Java)");
    assertThat(start).as("README has a quick start").isNotNegative();
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
    assertThat(section).contains("./mvnw -B install -DskipTests");

    Matcher xml = Pattern.compile("```xml\\n(.*?)\\n```", Pattern.DOTALL).matcher(section);
    assertThat(xml.find()).as("an xml block in the quick start").isTrue();
    String dependency = xml.group(1);

    String pom = read(Paths.get("pom.xml"));
    String version =
        tag(pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>")), "version");
    String used = pom.substring(pom.indexOf("<dependencies>"));
    used = used.substring(used.indexOf("<dependency>"), used.indexOf("</dependency>"));
    assertThat(tag(dependency, "groupId")).isEqualTo(tag(used, "groupId"));
    assertThat(tag(dependency, "artifactId")).isEqualTo(tag(used, "artifactId"));
    assertThat(tag(dependency, "version")).isEqualTo(version);
    assertThat(section).contains("`" + version + "`");
  }

  private static String tag(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]+)</" + name + ">").matcher(xml);
    assertThat(m.find()).as("<%s> in %s", name, xml).isTrue();
    return m.group(1).trim();
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
