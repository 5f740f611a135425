package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of every Markdown page of the repository names a file or directory that is in
 * it: a link to a file kept elsewhere (a shared folder of the authors, a build output) is dead for
 * every reader of the repository. Generic over all {@code *.md} files, so pages that are added or
 * moved are checked too.
 */
class MarkdownLinksTest {
  /** An inline link or image: {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern LINK =
      Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** A reference definition: {@code [label]: target}. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

  /**
   * A Markdown file named anywhere in a page's text, such as {@code PROVIDERS.md} or {@code
   * docs/cli.md}.
   */
  private static final Pattern NAMED_PAGE =
      Pattern.compile("(?<![\\w/.:-])((?:\\.{1,2}/)*[A-Za-z0-9_][\\w./-]*\\.md)(?![\\w/])");

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  @Test
  @DisplayName("every relative link in every *.md of the repository resolves to a file in it")
  void relativeLinksResolve() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = markdownPages(root);
    assertThat(pages).as("Markdown pages under " + root).isNotEmpty();
    List<String> dead = new ArrayList<>();
    for (Path page : pages) {
      for (String target : relativeTargets(read(page))) {
        String path = target.replaceAll("[#?].*$", "");
        if (path.isEmpty()) continue; // an anchor on the same page
        Path resolved =
            path.startsWith("/")
                ? root.resolve(path.substring(1))
                : page.getParent().resolve(decode(path));
        if (!Files.exists(resolved.normalize()) || !resolved.normalize().startsWith(root)) {
          dead.add(root.relativize(page) + ": (" + target + ")");
        }
      }
    }
    assertThat(dead)
        .as(
            "relative links that name no file of the repository (link to a public page,"
                + " or name the source in plain text)")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "every Markdown page a page names in its text (PROVIDERS.md, docs/cli.md) is in the"
          + " repository")
  void namedPagesExist() throws IOException {
    Path root = repositoryRoot();
    List<Path> pages = markdownPages(root);
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Path page : pages) names.add(page.getFileName().toString());
    List<String> missing = new ArrayList<>();
    for (Path page : pages) {
      Matcher m = NAMED_PAGE.matcher(read(page));
      while (m.find()) {
        String named = m.group(1);
        if (SCHEME.matcher(named).matches()
            || named.contains("<")
            || named.contains("*")
            || named.contains("target/")) {
          continue; // a URL, a pattern, or a build output the page says how to make
        }
        String file = named.substring(named.lastIndexOf('/') + 1);
        boolean found =
            named.contains("/")
                ? Files.exists(page.getParent().resolve(named)) || Files.exists(root.resolve(named))
                : names.contains(file);
        if (!found) missing.add(root.relativize(page) + ": " + named);
      }
    }
    assertThat(missing)
        .as(
            "Markdown pages named in the text that the repository does not have (name the"
                + " public source instead)")
        .isEmpty();
  }

  @Test
  @DisplayName("the link finder sees inline links, images and reference definitions, not code")
  void finderSeesLinks() {
    String page =
        "See [guide](testkit/README.md#a-b), ![img](docs/x.png \"t\") and [web](https://x.org).\n"
            + "[ref]: ../PROVIDERS.md\n"
            + "```\n[in code](not/a/link.md)\n```\n"
            + "Inline `[code](no.md)` and [anchor](#top).\n";
    assertThat(relativeTargets(page))
        .containsExactly("testkit/README.md#a-b", "docs/x.png", "#top", "../PROVIDERS.md");
  }

  /** The link targets of {@code markdown} without a scheme, outside code blocks and code spans. */
  static List<String> relativeTargets(String markdown) {
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) prose.append(line.replaceAll("`[^`]*`", "``")).append('\n');
    }
    List<String> targets = new ArrayList<>();
    for (Pattern p : new Pattern[] {LINK, REFERENCE}) {
      Matcher m = p.matcher(prose);
      while (m.find()) {
        String t = m.group(1);
        if (!SCHEME.matcher(t).matches()) targets.add(t);
      }
    }
    return targets;
  }

  private static List<Path> markdownPages(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(
              p -> {
                Path rel = root.relativize(p);
                for (Path part : rel) {
                  String name = part.toString();
                  if (name.equals("target") || name.startsWith(".") || name.equals("node_modules"))
                    return false;
                }
                return true;
              })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String decode(String path) {
    try {
      return java.net.URLDecoder.decode(path.replace("+", "%2B"), "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static Path repositoryRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("fake")) && Files.exists(dir.resolve("mvnw")))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("repository root above " + Paths.get("").toAbsolutePath()).isNotNull();
    return dir.normalize();
  }
}
