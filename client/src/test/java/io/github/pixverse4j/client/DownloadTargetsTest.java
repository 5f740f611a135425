package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTargetsTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a new file in an existing writable directory, or the directory itself, is accepted")
  void accepted() {
    assertThatCode(() -> DownloadTargets.check(dir.resolve("v.mp4"), false))
        .doesNotThrowAnyException();
    assertThatCode(() -> DownloadTargets.check(dir, false)).doesNotThrowAnyException();
    assertThat(DownloadTargets.resolve(dir, "x.mp4")).isEqualTo(dir.resolve("x.mp4"));
    assertThat(DownloadTargets.resolve(dir.resolve("v.mp4"), "x.mp4"))
        .isEqualTo(dir.resolve("v.mp4"));
    try (java.util.stream.Stream<Path> left = listQuietly()) {
      assertThat(left).as("the probe file is removed").isEmpty();
    }
  }

  @Test
  @DisplayName(
      "an empty probe left by a killed process is deleted by the next check; other files are kept")
  void staleProbeSwept() throws IOException {
    Path stale = Files.createFile(dir.resolve(".pixverse4j-abc.probe"));
    Path notEmpty = Files.write(dir.resolve(".pixverse4j-def.probe"), new byte[] {1});
    Path video = Files.write(dir.resolve("old.mp4"), new byte[] {1});
    DownloadTargets.check(dir.resolve("v.mp4"), false);
    assertThat(stale).doesNotExist();
    assertThat(notEmpty).exists();
    assertThat(video).exists();
  }

  private java.util.stream.Stream<Path> listQuietly() {
    try {
      return Files.list(dir);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("an existing file is refused unless overwrite is allowed")
  void existing() throws IOException {
    Path f = Files.write(dir.resolve("v.mp4"), new byte[] {1});
    assertThatThrownBy(() -> DownloadTargets.check(f, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("already exists");
    assertThatCode(() -> DownloadTargets.check(f, true)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName(
      "a symbolic link is refused even with overwrite, naming where it points; a link to a"
          + " directory is a directory")
  void symbolicLink() throws IOException {
    Path real = Files.write(dir.resolve("real.mp4"), new byte[] {1});
    Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), real);
    for (boolean overwrite : new boolean[] {false, true}) {
      assertThatThrownBy(() -> DownloadTargets.check(link, overwrite))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(link + " is a symbolic link (to " + real + ")")
          .hasMessageContaining("give the file itself as --output");
    }
    Path dangling =
        Files.createSymbolicLink(dir.resolve("dangling.mp4"), dir.resolve("nowhere.mp4"));
    assertThatThrownBy(() -> DownloadTargets.check(dangling, false))
        .hasMessageContaining("symbolic link");
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path dirLink = Files.createSymbolicLink(dir.resolve("videos"), sub);
    assertThatCode(() -> DownloadTargets.check(dirLink, false)).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("a missing directory is named as missing")
  void missingDirectory() {
    Path t = dir.resolve("nope").resolve("v.mp4");
    assertThatThrownBy(() -> DownloadTargets.check(t, false))
        .hasMessageContaining(dir.resolve("nope").toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  @DisplayName("a path under a regular file says that file is not a directory")
  void underAFile() throws IOException {
    Path f = Files.write(dir.resolve("plain"), new byte[] {1});
    assertThatThrownBy(() -> DownloadTargets.check(f.resolve("sub").resolve("v.mp4"), false))
        .hasMessageContaining(f + " is a file, not a directory");
  }

  @Test
  @DisplayName("a directory that refuses new files (/proc) is refused before anything is sent")
  void unwritable() {
    Path proc = Paths.get("/proc/self");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc), "needs Linux /proc");
    assertThatThrownBy(() -> DownloadTargets.check(proc.resolve("v.mp4"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("new files cannot be created in /proc/self")
        .as("issue 24 #11: no probe file name, no nested parentheses")
        .hasMessageNotContaining(".probe")
        .hasMessageNotContaining("((")
        .hasMessageNotContaining("))");
  }
}
