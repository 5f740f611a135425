package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's code compiled against this jar alone (Immutables is a compile-only dependency, absent
 * from users' class paths) with {@code -Xlint:all -Werror} must compile: annotations the generated
 * classes carry and whose type users do not have, such as {@code org.immutables.value.Generated},
 * make javac warn "Cannot find annotation method" once per class it reads, which fails builds that
 * treat warnings as errors.
 */
class ConsumerCompileTest {

  @Test
  void userCodeTouchingEveryBuilderCompilesWithWerrorWithoutImmutablesOnTheClassPath(
      @TempDir Path dir) throws Exception {
    Path classes = classesDirectory();
    List<String> builderTypes = publicTypesWithBuilder(classes);
    // Seven value types have a builder today; an empty list would make this test pass vacuously.
    assertThat(builderTypes).contains("ImageToVideoRequest", "TaskStatus", "Video");

    // build() is inherited from the generated builder, so javac reads the generated classes.
    StringBuilder src =
        new StringBuilder("package consumer;\n\nclass Consumer {\n  void use() {\n");
    for (String type : builderTypes) {
      src.append("    Object ")
          .append(lowerFirst(type))
          .append(" = io.github.pixverse4j.api.")
          .append(type)
          .append(".builder().build();\n");
    }
    src.append("  }\n}\n");
    Path source = dir.resolve("consumer/Consumer.java");
    Files.createDirectories(source.getParent());
    Files.createDirectories(dir.resolve("out"));
    Files.write(source, src.toString().getBytes(StandardCharsets.UTF_8));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    List<String> args =
        new ArrayList<>(
            Arrays.asList(
                "-Xlint:all",
                "-Werror",
                "-proc:none",
                "-classpath",
                classes.toString(),
                "-d",
                dir.resolve("out").toString()));
    boolean ok;
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      ok =
          javac
              .getTask(out, files, null, args, null, files.getJavaFileObjects(source.toFile()))
              .call();
    }

    assertThat(out.toString()).as("javac output").doesNotContain("warning");
    assertThat(ok).as("javac -Werror succeeded; output:%n%s", out).isTrue();
  }

  /** The directory (or jar) this module's main classes were loaded from. */
  private static Path classesDirectory() throws URISyntaxException {
    return Paths.get(
        ImageToVideoRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> publicTypesWithBuilder(Path classes) throws IOException {
    Path pkg = classes.resolve("io/github/pixverse4j/api");
    try (Stream<Path> files = Files.list(pkg)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.startsWith("Immutable"))
          .map(n -> n.substring(0, n.length() - ".class".length()))
          .filter(ConsumerCompileTest::hasPublicStaticBuilder)
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean hasPublicStaticBuilder(String simpleName) {
    try {
      Class<?> c = Class.forName("io.github.pixverse4j.api." + simpleName);
      if (!Modifier.isPublic(c.getModifiers())) return false;
      Method m = c.getMethod("builder");
      return Modifier.isStatic(m.getModifiers());
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return false;
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
