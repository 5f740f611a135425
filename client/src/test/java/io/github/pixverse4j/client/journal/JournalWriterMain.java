package io.github.pixverse4j.client.journal;

import java.nio.file.Paths;
import java.time.Instant;

/**
 * A child process for {@link FileTaskJournalTest}: appends N intent records to a journal directory.
 */
public final class JournalWriterMain {
  private JournalWriterMain() {}

  public static void main(String[] args) {
    FileTaskJournal journal = TaskJournal.file(Paths.get(args[0]));
    String writer = args[1];
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      journal.append(
          JournalRecord.intent(
              writer + "-" + i,
              Instant.now(),
              "gmi",
              "m",
              null,
              java.util.Collections.singletonMap(
                  "prompt", "writer " + writer + " record " + i + " " + pad(i)),
              null));
    }
    journal.close();
  }

  /** Records of varying length, so that interleaved partial writes would show. */
  private static String pad(int i) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < i % 300; k++) b.append('x');
    return b.toString();
  }
}
