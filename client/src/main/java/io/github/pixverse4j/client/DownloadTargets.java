package io.github.pixverse4j.client;

import io.github.pixverse4j.client.internal.IoReasons;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks a download target before a paid job is submitted, so that a video is never generated (and
 * billed) only to fail at the end for a local reason. {@link VideoClient#download} fails the same
 * way afterwards; checking first is the caller's choice, recommended before {@code generate}.
 *
 * <p>A target that is an existing directory means "save inside it" under a name chosen once the
 * task is known ({@link #resolve}).
 */
public final class DownloadTargets {
  private DownloadTargets() {}

  /**
   * Checks that a video can be saved at {@code target}: it is an existing directory that accepts
   * new files, or a file name in such a directory, and that file does not exist unless {@code
   * overwrite}. Creates and deletes an empty probe file ({@code .pixverse4j-*.probe}) to prove the
   * directory writable, because permission bits do not tell (read-only mounts, {@code /proc}, ACLs,
   * a process running as root); probes left by a process killed at that instant are deleted by the
   * next check of the same directory. A symbolic link as the file is refused, even with {@code
   * overwrite}: saving would replace the link, not the file it points to.
   *
   * @throws IllegalArgumentException with a sentence naming the path and the problem
   */
  public static void check(Path target, boolean overwrite) {
    if (target == null) throw new NullPointerException("target == null");
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      requireWritableDirectory(absolute, absolute);
      return;
    }
    if (Files.isSymbolicLink(absolute)) throw new IllegalArgumentException(symbolicLink(absolute));
    if (Files.exists(absolute) && !overwrite) {
      throw new IllegalArgumentException(
          absolute
              + " already exists (nothing was sent): choose another --output"
              + " or add --force");
    }
    if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
      throw new IllegalArgumentException(
          absolute + " is not a regular file, so the video cannot be saved there.");
    }
    Path dir = absolute.getParent();
    if (dir == null)
      throw new IllegalArgumentException(absolute + " has no directory to save the video in.");
    if (!Files.isDirectory(dir)) {
      for (Path p = dir; p != null; p = p.getParent()) {
        if (Files.exists(p) && !Files.isDirectory(p)) {
          throw new IllegalArgumentException(
              "Cannot save the video as " + absolute + ": " + p + " is a file, not a directory.");
        }
      }
      throw new IllegalArgumentException(
          "Cannot save the video as "
              + absolute
              + ": the directory "
              + dir
              + " does not exist; create it first.");
    }
    requireWritableDirectory(dir, absolute);
  }

  /**
   * Why a symbolic link is refused as a target: the finished download is renamed into place, which
   * replaces the link itself (the file it points to stays as it was), so {@code --force} would
   * silently turn the link into a plain file. Writing through the link instead would overwrite a
   * file the user never named, possibly outside the directory they chose. So the user names the
   * file they mean.
   */
  static String symbolicLink(Path link) {
    String to;
    try {
      to = " (to " + Files.readSymbolicLink(link) + ")";
    } catch (IOException | UnsupportedOperationException e) {
      to = "";
    }
    return link
        + " is a symbolic link"
        + to
        + "; the video is not saved through links (nothing was sent):"
        + " give the file itself as --output (with --force to replace it), or remove the link.";
  }

  /**
   * The file a video is saved to: {@code target} itself, or {@code defaultFileName} inside it when
   * {@code target} is an existing directory.
   */
  public static Path resolve(Path target, String defaultFileName) {
    if (target == null) throw new NullPointerException("target == null");
    if (defaultFileName == null) throw new NullPointerException("defaultFileName == null");
    return Files.isDirectory(target) ? target.resolve(defaultFileName) : target;
  }

  /** Prefix and suffix of the probe files {@link #check} creates; see {@link #sweepProbes}. */
  static final String PROBE_PREFIX = ".pixverse4j-";

  static final String PROBE_SUFFIX = ".probe";

  private static void requireWritableDirectory(Path dir, Path target) {
    sweepProbes(dir);
    Path probe =
        dir.resolve(
            PROBE_PREFIX
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + PROBE_SUFFIX);
    // DELETE_ON_CLOSE: on Linux the JDK unlinks the file right after open(2), so a process killed
    // here leaves nothing behind; elsewhere it is deleted on close, and the sweep clears leftovers.
    try (SeekableByteChannel ignored =
        Files.newByteChannel(
            probe,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE)) {
      // Creating the file is the test.
    } catch (IOException e) {
      // The probe is ours, not the user's: its name stays out of the message.
      String why =
          e instanceof java.nio.file.NoSuchFileException
              ? "the file system there takes no new files"
              : reason(e);
      throw new IllegalArgumentException(
          "Cannot save the video as "
              + target
              + ": new files cannot be created in "
              + dir
              + " ("
              + why
              + ").",
          e);
    }
  }

  /**
   * Deletes empty probe files left in {@code dir} by a process killed in the middle of {@link
   * #check}. Probes are empty and live for microseconds, so deleting another process's probe only
   * turns its own delete into a no-op. Failures are ignored: a leftover probe is harmless.
   */
  static void sweepProbes(Path dir) {
    try (DirectoryStream<Path> probes =
        Files.newDirectoryStream(dir, PROBE_PREFIX + "*" + PROBE_SUFFIX)) {
      for (Path p : probes) {
        try {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == 0)
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // Gone already, or not ours to delete.
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // Unreadable directory: the probe below reports what matters.
    }
  }

  private static String reason(IOException e) {
    return IoReasons.of(e);
  }
}
