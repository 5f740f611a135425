package io.github.pixverse4j.client.journal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TaskJournal#inMemory()}: the same rules as the file journal, kept in this process only.
 */
final class InMemoryTaskJournal implements TaskJournal {
  private final List<JournalRecord> records = new ArrayList<>();
  private final Set<String> claimed = new HashSet<>();
  private final Clock clock = Clock.systemUTC();
  private int sinceCompaction;

  @Override
  public synchronized void append(JournalRecord record) {
    if (record == null) throw new NullPointerException("record == null");
    records.add(record);
    if (++sinceCompaction >= 4 * DEFAULT_MAX_FINISHED_ENTRIES) compact();
  }

  @Override
  public synchronized List<JournalRecord> records() {
    return new ArrayList<>(records);
  }

  @Override
  public synchronized void compact() {
    List<JournalRecord> kept =
        JournalFold.fold(records)
            .retained(
                clock.instant(),
                Duration.ofDays(DEFAULT_MAX_FINISHED_AGE_DAYS),
                DEFAULT_MAX_FINISHED_ENTRIES);
    if (kept != records) {
      List<JournalRecord> copy = new ArrayList<>(kept);
      records.clear();
      records.addAll(copy);
    }
    sinceCompaction = 0;
  }

  @Override
  public synchronized Optional<Claim> tryClaim(String entryId) {
    if (entryId == null) throw new NullPointerException("entryId == null");
    return claimed.add(entryId)
        ? Optional.<Claim>of(new MemoryClaim(entryId))
        : Optional.<Claim>empty();
  }

  @Override
  public synchronized Claim claim(String entryId) throws InterruptedException {
    if (entryId == null) throw new NullPointerException("entryId == null");
    while (!claimed.add(entryId)) wait();
    return new MemoryClaim(entryId);
  }

  private final class MemoryClaim implements Claim {
    private final String id;
    private boolean closed;

    MemoryClaim(String id) {
      this.id = id;
    }

    @Override
    public String entryId() {
      return id;
    }

    @Override
    public void close() {
      synchronized (InMemoryTaskJournal.this) {
        if (closed) return;
        closed = true;
        claimed.remove(id);
        InMemoryTaskJournal.this.notifyAll();
      }
    }
  }

  @Override
  public String toString() {
    return "TaskJournal.inMemory()";
  }
}
