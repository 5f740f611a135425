package io.github.pixverse4j.client.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words for a message that already names the path: the JDK's
 * exceptions for {@code createDirectories} and friends often carry only the path itself. No
 * parentheses, so that a caller may put the reason in some.
 */
public final class IoReasons {
  private IoReasons() {}

  /** A short reason, never just the path again. */
  public static String of(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file named "
          + ((FileSystemException) e).getFile()
          + " is in the way (not a directory)";
    }
    if (e instanceof NotDirectoryException)
      return ((FileSystemException) e).getFile() + " is not a directory";
    if (e instanceof NoSuchFileException) {
      return "no such file or directory, and it cannot be made there";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
  }
}
