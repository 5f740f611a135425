package io.github.pixverse4j.client.journal;

/** The journal could not be read or written: its directory is missing, unwritable or full. */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
