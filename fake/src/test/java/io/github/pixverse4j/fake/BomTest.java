package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The BOM manages the client's third-party libraries at the versions the build uses, so that a
 * project importing it resolves one version of each (no POMs of dropped versions to fetch: an
 * offline build warns about every one it lacks).
 */
class BomTest {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private static Path root() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("bom"))) dir = dir.getParent();
    assertThat(dir).as("repository root").isNotNull();
    return dir;
  }

  private static Document parse(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String child(Element e, String tag) {
    NodeList l = e.getElementsByTagName(tag);
    return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
  }

  /** The pom's {@code <properties>}. */
  private static Map<String, String> properties(Document pom) {
    Map<String, String> p = new LinkedHashMap<>();
    NodeList props = pom.getDocumentElement().getElementsByTagName("properties");
    if (props.getLength() == 0) return p;
    NodeList l = props.item(0).getChildNodes();
    for (int i = 0; i < l.getLength(); i++) {
      if (l.item(i) instanceof Element) {
        p.put(((Element) l.item(i)).getTagName(), l.item(i).getTextContent().trim());
      }
    }
    return p;
  }

  /**
   * {@code groupId:artifactId} to version of the pom's dependencyManagement, properties resolved;
   * an imported BOM manages its group ({@code com.fasterxml.jackson:*} for jackson-bom).
   */
  private static Map<String, String> managed(Document pom) {
    Map<String, String> props = properties(pom);
    Map<String, String> m = new LinkedHashMap<>();
    NodeList dm = pom.getDocumentElement().getElementsByTagName("dependencyManagement");
    NodeList deps = ((Element) dm.item(0)).getElementsByTagName("dependency");
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      String version = child(d, "version");
      Matcher p = PROPERTY.matcher(version);
      if (p.matches() && props.containsKey(p.group(1))) version = props.get(p.group(1));
      String key =
          "import".equals(child(d, "scope"))
              ? child(d, "groupId") + ":*"
              : child(d, "groupId") + ":" + child(d, "artifactId");
      m.put(key, version);
    }
    return m;
  }

  private static String versionIn(Map<String, String> managed, String groupId, String artifactId) {
    String exact = managed.get(groupId + ":" + artifactId);
    if (exact != null) return exact;
    for (Map.Entry<String, String> e : managed.entrySet()) {
      String group = e.getKey().substring(0, e.getKey().length() - 2);
      if (e.getKey().endsWith(":*") && groupId.startsWith(group)) return e.getValue();
    }
    return null;
  }

  @Test
  @DisplayName(
      "the BOM manages every third-party library of the client (Retrofit, OkHttp, RxJava, Jackson,"
          + " Dagger, JSpecify) at the parent pom's version")
  void managesTheClientsLibraries() throws Exception {
    Path root = root();
    Map<String, String> parent = managed(parse(root.resolve("pom.xml")));
    Map<String, String> bom = managed(parse(root.resolve("bom/pom.xml")));
    Document client = parse(root.resolve("client/pom.xml"));
    NodeList deps =
        ((Element) client.getDocumentElement().getElementsByTagName("dependencies").item(0))
            .getElementsByTagName("dependency");
    int checked = 0;
    for (int i = 0; i < deps.getLength(); i++) {
      Element d = (Element) deps.item(i);
      String group = child(d, "groupId");
      String scope = child(d, "scope");
      if (group.equals("io.github.pixverse4j")
          || "true".equals(child(d, "optional"))
          || (scope != null && !scope.equals("compile") && !scope.equals("runtime"))) {
        continue;
      }
      String artifact = child(d, "artifactId");
      String used = versionIn(parent, group, artifact);
      assertThat(used).as("the parent's version of %s:%s", group, artifact).isNotNull();
      assertThat(versionIn(bom, group, artifact))
          .as("the BOM's version of %s:%s (the parent builds with %s)", group, artifact, used)
          .isEqualTo(used);
      checked++;
    }
    assertThat(checked).as("third-party dependencies of the client").isGreaterThanOrEqualTo(7);
    for (String adapter : new String[] {"converter-jackson", "adapter-rxjava3"}) {
      assertThat(bom).containsKey("com.squareup.retrofit2:" + adapter);
    }
  }

  @Test
  @DisplayName(
      "testkit/README.md's external pom imports the BOM, declares JSpecify and Immutables (with its"
          + " processor next to Dagger's) at the parent's versions, and every versionless"
          + " dependency is one the BOM manages")
  void guidesExternalPom() throws Exception {
    Path root = root();
    String guide =
        new String(
            Files.readAllBytes(root.resolve("testkit/README.md")),
            java.nio.charset.StandardCharsets.UTF_8);
    int at = guide.indexOf("A `pom.xml` to copy");
    assertThat(at).as("the external pom section").isPositive();
    Matcher xml = Pattern.compile("```xml\\n(.*?)\\n```", Pattern.DOTALL).matcher(guide);
    assertThat(xml.find(at)).as("its xml block").isTrue();
    Path pomFile = Files.createTempFile("external-pom", ".xml");
    try {
      Files.write(pomFile, xml.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      Document pom = parse(pomFile);
      Map<String, String> props = properties(pom);
      Map<String, String> parentProps = properties(parse(root.resolve("pom.xml")));
      for (String p : new String[] {"dagger.version", "immutables.version"}) {
        assertThat(props.get(p)).as(p).isEqualTo(parentProps.get(p));
      }
      Map<String, String> bom = managed(parse(root.resolve("bom/pom.xml")));
      Element project = pom.getDocumentElement();
      Element direct = null;
      for (int i = 0; i < project.getChildNodes().getLength(); i++) {
        if (project.getChildNodes().item(i) instanceof Element
            && ((Element) project.getChildNodes().item(i)).getTagName().equals("dependencies")) {
          direct = (Element) project.getChildNodes().item(i);
        }
      }
      assertThat(direct).as("the project's <dependencies>").isNotNull();
      NodeList deps = direct.getElementsByTagName("dependency");
      java.util.Set<String> declared = new java.util.TreeSet<>();
      for (int i = 0; i < deps.getLength(); i++) {
        Element d = (Element) deps.item(i);
        String key = child(d, "groupId") + ":" + child(d, "artifactId");
        declared.add(key + ":" + child(d, "scope"));
        if (child(d, "version") == null && !child(d, "groupId").equals("io.github.pixverse4j")) {
          assertThat(versionIn(bom, child(d, "groupId"), child(d, "artifactId")))
              .as("the BOM manages the versionless " + key)
              .isNotNull();
        }
      }
      assertThat(declared)
          .contains(
              "org.jspecify:jspecify:null",
              "org.immutables:value:provided",
              "io.github.pixverse4j:pixverse4j-client:null",
              "io.github.pixverse4j:pixverse4j-testkit:test");
      NodeList paths = project.getElementsByTagName("path");
      java.util.Set<String> processors = new java.util.TreeSet<>();
      for (int i = 0; i < paths.getLength(); i++) {
        processors.add(child((Element) paths.item(i), "artifactId"));
      }
      assertThat(processors).containsExactlyInAnyOrder("value", "dagger-compiler");
    } finally {
      Files.delete(pomFile);
    }
  }
}
