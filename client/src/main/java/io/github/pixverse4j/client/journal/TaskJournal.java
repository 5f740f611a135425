package io.github.pixverse4j.client.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A durable list of the tasks a client submitted, so that no accepted (and billed) job is forgotten
 * when the process dies. Give one to a client with {@code VideoClient.withJournal(..)} or {@code
 * ClientBuilder.journal(..)}; the client then records the intent before each submit, the accepted
 * handle before it is emitted, a lost submit answer as outcome-unknown, the terminal status with
 * its video URLs, and each download. {@code VideoClient.resume(..)} continues the unfinished ones.
 *
 * <p>Implementations are thread-safe. Records never contain the API key or image bytes. Finished
 * entries are compacted away after {@link #DEFAULT_MAX_FINISHED_AGE_DAYS} days, and beyond the
 * {@link #DEFAULT_MAX_FINISHED_ENTRIES} newest ones; entries that still need attention are kept.
 */
public interface TaskJournal {
  /** Finished entries older than this many days are dropped by compaction. */
  int DEFAULT_MAX_FINISHED_AGE_DAYS = 30;

  /** At most this many finished entries are kept; the oldest go first. */
  int DEFAULT_MAX_FINISHED_ENTRIES = 1000;

  /**
   * Appends one record. Returns once the record is written; for a {@link FileTaskJournal} that
   * means it survives the death of this process (and, with {@code sync(true)}, a power cut).
   *
   * @throws JournalException when the record cannot be written
   */
  void append(JournalRecord record);

  /** Every retained record, oldest first. */
  List<JournalRecord> records();

  /** Every retained entry, newest first. */
  default List<JournalEntry> entries() {
    return JournalFold.fold(records()).entries;
  }

  /**
   * The entries a resume has work to do for ({@link JournalEntry#isUnfinished()}), newest first.
   */
  default List<JournalEntry> unfinished() {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e : entries()) if (e.isUnfinished()) out.add(e);
    return out;
  }

  /** The entry with this id or handle token. */
  default Optional<JournalEntry> entry(String idOrToken) {
    if (idOrToken == null) throw new NullPointerException("idOrToken == null");
    for (JournalEntry e : entries()) {
      if (e.id().equals(idOrToken) || idOrToken.equals(e.token().orElse(null)))
        return Optional.of(e);
    }
    return Optional.empty();
  }

  /**
   * Claims an entry for this caller if nobody else (another thread, or another process sharing a
   * file journal) holds it, so that two resumes never download one task twice. The claim ends with
   * {@link Claim#close()} or with the process.
   */
  Optional<Claim> tryClaim(String entryId);

  /** Like {@link #tryClaim}, but waits until the current holder releases the entry. */
  Claim claim(String entryId) throws InterruptedException;

  /** Drops finished entries beyond the retention limits now (it also happens on its own). */
  void compact();

  /** An exclusive hold on one entry. */
  interface Claim extends AutoCloseable {
    String entryId();

    /** Releases the entry; idempotent. */
    @Override
    void close();
  }

  /** A journal kept in memory only, for tests and short-lived tools. */
  static TaskJournal inMemory() {
    return new InMemoryTaskJournal();
  }

  /**
   * A journal in {@code directory} (created if missing), with the default retention. On Android,
   * use {@code new File(context.getFilesDir(), "pixverse4j").toPath()}.
   *
   * @throws JournalException when the directory cannot be created or written
   */
  static FileTaskJournal file(Path directory) {
    return FileTaskJournal.builder(directory).build();
  }
}
