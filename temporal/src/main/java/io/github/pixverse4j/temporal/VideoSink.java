package io.github.pixverse4j.temporal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a worker's download activity puts finished videos: a directory on the worker ({@link
 * #directory}) or your own implementation for object storage. Registered on the worker under a name
 * ({@link VideoWorker.Builder#sink}); jobs refer to it by that name, so its location and
 * credentials never enter workflow history.
 *
 * <p>The activity is retried, so {@link #store} may be called again for the same key and must then
 * replace what an earlier attempt stored.
 */
public interface VideoSink {
  /**
   * Stores the complete video in {@code file} under {@code key}. The file is a temporary file on
   * the worker, deleted after this returns; an implementation may move it instead of copying.
   *
   * @param contentType such as {@code video/mp4}, or {@code null} when the provider did not say
   * @throws IOException to have the activity retried
   * @throws IllegalArgumentException when {@code key} is not acceptable (not retried)
   */
  void store(String key, Path file, String contentType) throws IOException;

  /**
   * A sink writing to {@code root}/{@code key} on the worker; {@code key} is a relative path
   * ({@code "2026/11/cat.mp4"}) that must stay inside {@code root}. The file appears complete or
   * not at all (moved into place), and replaces an earlier one with the same key.
   */
  static VideoSink directory(Path root) {
    if (root == null) throw new NullPointerException("root == null");
    Path base = root.toAbsolutePath().normalize();
    return (key, file, contentType) -> {
      Path target = base.resolve(key).normalize();
      if (!target.startsWith(base) || target.equals(base)) {
        throw new IllegalArgumentException("key '" + key + "' leaves the sink's directory " + base);
      }
      Files.createDirectories(target.getParent());
      try {
        Files.move(
            file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Another file system: copy beside the target first, so readers never see half a file.
        Path part =
            Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
          Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
          Files.move(
              part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(part);
        }
      }
    };
  }
}
