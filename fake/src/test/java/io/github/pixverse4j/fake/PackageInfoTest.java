package io.github.pixverse4j.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every package of main code in every module has a {@code package-info.java} that marks it
 * {@code @NullMarked} (JSpecify): unannotated types are not null, and {@code @Nullable} says where
 * null is allowed. Nothing else enforces it, so a new package without one is caught here.
 */
class PackageInfoTest {
  @Test
  @DisplayName("every main package is @NullMarked through its package-info.java")
  void everyMainPackageIsNullMarked() throws IOException {
    Path root = repositoryRoot();
    Set<Path> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      packages.addAll(
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> root.relativize(p).toString().contains("src/main/java/"))
              .filter(p -> !root.relativize(p).toString().contains("/target/"))
              .map(Path::getParent)
              .collect(Collectors.toSet()));
    }
    assertThat(packages).as("main packages found").hasSizeGreaterThan(20);
    List<String> missing = new ArrayList<>();
    for (Path dir : packages) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info)
          || !new String(Files.readAllBytes(info), StandardCharsets.UTF_8)
              .contains("@NullMarked")) {
        missing.add(root.relativize(dir).toString());
      }
    }
    assertThat(missing)
        .as("packages without a package-info.java that says @NullMarked (copy one from a sibling)")
        .isEmpty();
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
