package io.github.pixverse4j.client.journal;

import io.github.pixverse4j.api.internal.DurationText;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TaskJournal} in a directory: an append-only file of checksummed JSON lines ({@value
 * #FILE_NAME}), a lock file, and one small claim file per entry being resumed. Plain {@code
 * java.nio} only, so it runs on the JVM and on Android (API 26) alike.
 *
 * <ul>
 *   <li>Several threads and several processes may share the directory: every append and every
 *       compaction holds an OS file lock on {@value #LOCK_FILE_NAME} (and a lock inside this
 *       process, because the OS lock is per process).
 *   <li>A record is one {@code write} of one line. When the process dies in the middle of one, the
 *       torn line fails its checksum and is skipped, and the next append starts on a new line; no
 *       other record is affected.
 *   <li>Records reach the operating system before {@link #append} returns, which is enough to
 *       survive the death of the process; {@link Builder#sync(boolean) sync(true)} also forces each
 *       record to the disk, against power cuts, at the price of one disk flush per record.
 *   <li>Compaction (on opening, and whenever the file has doubled since the last one) rewrites the
 *       file without the finished entries beyond the retention limits, into a temporary file that
 *       atomically replaces the journal: a kill during compaction leaves the old journal intact.
 *       The compaction an append triggers reads, decodes and rewrites the file without holding the
 *       locks, on the thread whose append crossed the threshold after its record is written, so
 *       other appends go on meanwhile; only copying the records appended since then and the rename
 *       hold the locks.
 *   <li>A journal object that made the last write looks the file up by name again only when its
 *       size changed (every compaction appends a byte to the file it replaces), so a lone writer
 *       pays one lock, one {@code fstat} and one write per batch. Do not delete or replace the file
 *       by hand while journals have it open.
 * </ul>
 */
public final class FileTaskJournal implements TaskJournal, java.io.Closeable {
  public static final String FILE_NAME = "journal.jsonl";
  public static final String LOCK_FILE_NAME = "journal.lock";

  /** Held by the process compacting the journal while appends go on (see compactAside). */
  static final String COMPACTION_LOCK_FILE_NAME = "compaction.lock";

  static final String CLAIMS_DIR = "claims";

  /** No compaction below this size: small files are cheap to read whole. */
  static final long MIN_COMPACTION_BYTES = 256 * 1024;

  private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

  /** Directories whose journal this process is compacting outside the locks (see compactAside). */
  private static final ConcurrentMap<Path, AtomicBoolean> COMPACTING = new ConcurrentHashMap<>();

  private static final Set<String> PROCESS_CLAIMS =
      Collections.synchronizedSet(new HashSet<String>());

  private final Path directory;
  private final Path file;
  private final Path claims;
  private final Duration maxFinishedAge;
  private final int maxFinishedEntries;
  private final boolean sync;
  private final Clock clock;
  private final ReentrantLock processLock;
  private final FileChannel lockChannel;
  private FileChannel data;
  private Object dataKey;

  /** The file size at which an append triggers the next compaction. */
  private volatile long compactAt;

  /** Where this journal's last write ended: a file still that long ends with its newline. */
  private long lastEnd = -1;

  /**
   * Runs in {@link #compactAside} after the kept records are written, outside the locks: a seam for
   * tests of appends during a compaction, set only through the package-private {@link
   * Builder#afterSnapshot}; {@code null} otherwise.
   */
  private final Runnable afterSnapshot;

  /** Guards {@link #pending} and {@link #writing}. */
  private final Object queue = new Object();

  private Batch pending = new Batch();

  /** True while a leader writes a batch. */
  private boolean writing;

  private FileTaskJournal(Builder b) {
    this.directory = b.directory.toAbsolutePath().normalize();
    this.file = directory.resolve(FILE_NAME);
    this.claims = directory.resolve(CLAIMS_DIR);
    this.maxFinishedAge = b.maxFinishedAge;
    this.maxFinishedEntries = b.maxFinishedEntries;
    this.sync = b.sync;
    this.clock = b.clock;
    this.afterSnapshot = b.afterSnapshot;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new JournalException(
          "Cannot create the task journal directory " + directory + ": " + reason(e), e);
    }
    try {
      this.lockChannel =
          new RandomAccessFile(directory.resolve(LOCK_FILE_NAME).toFile(), "rw").getChannel();
    } catch (IOException e) {
      throw new JournalException(
          "Cannot write in the task journal directory " + directory + ": " + reason(e), e);
    }
    this.processLock = PROCESS_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    try {
      locked(
          () -> {
            openData();
            compactLocked();
            return null;
          });
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  /** A builder for a journal in {@code directory}. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** The directory holding the journal. */
  public Path directory() {
    return directory;
  }

  /** The journal file itself. */
  public Path file() {
    return file;
  }

  @Override
  public void append(JournalRecord record) {
    if (record == null) throw new NullPointerException("record == null");
    byte[] line = JournalCodec.encode(record);
    Batch mine;
    Batch lead = null;
    synchronized (queue) {
      mine = pending;
      mine.add(line);
      if (writing) {
        mine.waiters.add(Thread.currentThread());
      } else {
        lead = takePending();
      }
    }
    // Group commit: one thread at a time (the leader) writes every record queued so far in one
    // write, while the threads that queued theirs meanwhile park until their batch is in the file.
    // The leader wakes each of them itself: waking them one after another through a lock would
    // make every one wait for the previous one to be scheduled, which on a busy machine costs
    // far more than the write.
    boolean interrupted = false;
    while (lead == null && !mine.done) {
      LockSupport.park(this);
      if (Thread.interrupted()) interrupted = true;
      if (mine.done) break;
      synchronized (queue) {
        if (!writing && !mine.done) lead = takePending();
      }
    }
    if (lead != null) write(lead);
    if (interrupted) Thread.currentThread().interrupt();
    if (mine.error != null) throw mine.error;
  }

  /** Makes the caller the leader of the pending batch. Guarded by {@link #queue}. */
  private Batch takePending() {
    writing = true;
    Batch batch = pending;
    pending = new Batch();
    return batch;
  }

  private void write(Batch batch) {
    long size = -1;
    try {
      size = locked(() -> appendLocked(batch.bytes()));
    } catch (JournalException e) {
      batch.error = e;
    } catch (RuntimeException | Error e) {
      batch.error = new JournalException("Cannot use the task journal " + file + ": " + e, e);
      throw e;
    } finally {
      List<Thread> done;
      Thread nextLeader = null;
      synchronized (queue) {
        batch.done = true;
        writing = false;
        done = batch.waiters;
        // Someone must write what queued up during this write: wake one of its waiters to lead.
        if (!pending.waiters.isEmpty()) nextLeader = pending.waiters.get(0);
      }
      for (Thread t : done) LockSupport.unpark(t);
      if (nextLeader != null) LockSupport.unpark(nextLeader);
    }
    if (size >= compactAt) compactAside();
  }

  /** Records waiting to be written together; lines and waiters are guarded by {@link #queue}. */
  private static final class Batch {
    private final java.util.ArrayList<byte[]> lines = new java.util.ArrayList<>(4);
    final java.util.ArrayList<Thread> waiters = new java.util.ArrayList<>(4);
    private int length;
    volatile boolean done;

    /** Set before {@link #done}. */
    JournalException error;

    void add(byte[] line) {
      lines.add(line);
      length += line.length;
    }

    byte[] bytes() {
      if (lines.size() == 1) return lines.get(0);
      byte[] all = new byte[length];
      int at = 0;
      for (byte[] l : lines) {
        System.arraycopy(l, 0, all, at, l.length);
        at += l.length;
      }
      return all;
    }
  }

  private long appendLocked(byte[] line) throws IOException {
    long size = data == null ? -1 : data.size();
    boolean torn = false;
    if (data == null || size != lastEnd) {
      // Someone else wrote since this journal's last write (another process or journal object),
      // or a compaction replaced the file (it appends a byte to the old one first, see
      // replaceWith): look the file up again. When the file is just as this journal left it,
      // which is every write of a lone writer, its name need not be looked up at all.
      refreshData();
      size = data.size();
      torn = size > 0 && !endsWithNewline(size);
    }
    ByteBuffer buffer;
    if (torn) {
      // The last write was cut short by a dying process: finish its line so this record stands
      // alone.
      buffer = ByteBuffer.allocate(line.length + 1);
      buffer.put((byte) '\n').put(line).flip();
    } else {
      buffer = ByteBuffer.wrap(line);
    }
    long position = size;
    while (buffer.hasRemaining()) position += data.write(buffer, position);
    if (sync) data.force(false);
    lastEnd = position;
    return position;
  }

  private boolean endsWithNewline(long size) throws IOException {
    ByteBuffer last = ByteBuffer.allocate(1);
    data.read(last, size - 1);
    return last.get(0) == '\n';
  }

  @Override
  public List<JournalRecord> records() {
    return locked(
        () -> {
          byte[] all = readAll();
          return JournalCodec.decodeAll(all, all.length);
        });
  }

  private byte[] readAll() throws IOException {
    refreshData();
    long size = data.size();
    if (size > Integer.MAX_VALUE - 16)
      throw new IOException("journal file too large: " + size + " bytes");
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    long position = 0;
    while (buffer.hasRemaining()) {
      int n = data.read(buffer, position);
      if (n < 0) break;
      position += n;
    }
    return buffer.array();
  }

  @Override
  public void compact() {
    locked(
        () -> {
          compactLocked();
          return null;
        });
  }

  private void compactLocked() throws IOException {
    byte[] all = readAll();
    List<JournalRecord> records = JournalCodec.decodeAll(all, all.length);
    JournalFold fold = JournalFold.fold(records);
    List<JournalRecord> kept = fold.retained(clock.instant(), maxFinishedAge, maxFinishedEntries);
    long size = all.length;
    if (kept != records || damaged(all, all.length, records.size())) {
      Path tmp = directory.resolve(FILE_NAME + ".tmp");
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        size = 0;
        for (JournalRecord r : kept) {
          ByteBuffer b = ByteBuffer.wrap(JournalCodec.encode(r));
          while (b.hasRemaining()) size += out.write(b);
        }
        out.force(true);
      }
      replaceWith(tmp);
      removeStaleClaims(kept);
    }
    compactAt = Math.max(MIN_COMPACTION_BYTES, 2 * size);
  }

  /**
   * The compaction an append triggers, done mostly without holding the journal's locks, so that
   * appenders (the threads waiting for a submit's answer or a status) are not held up while the
   * whole file is read, decoded and rewritten: only taking a snapshot's length and, at the end,
   * copying the records appended meanwhile and renaming happen under the locks. One compaction per
   * directory runs at a time in this process; another process compacting at the same time makes one
   * of the two give up (the file it read was replaced).
   */
  void compactAside() {
    AtomicBoolean running = COMPACTING.computeIfAbsent(directory, d -> new AtomicBoolean());
    if (!running.compareAndSet(false, true)) return;
    FileChannel[] view = new FileChannel[1];
    FileChannel compactionLock = null;
    Path tmp = directory.resolve(FILE_NAME + ".compacting");
    try {
      // Other processes compact aside too, into the same temporary file: one at a time.
      compactionLock =
          new RandomAccessFile(directory.resolve(COMPACTION_LOCK_FILE_NAME).toFile(), "rw")
              .getChannel();
      if (compactionLock.tryLock() == null) {
        compactAt += MIN_COMPACTION_BYTES;
        return;
      }
      Object[] key = new Object[1];
      long snapshot =
          locked(
              () -> {
                refreshData();
                key[0] = dataKey;
                // A channel of its own on the same file (no one can replace it while the lock is
                // held):
                // this journal object's data channel is reopened when another process compacts.
                view[0] = FileChannel.open(file, StandardOpenOption.READ);
                return data.size();
              });
      byte[] prefix = read(view[0], 0, snapshot);
      int cut = prefix.length;
      while (cut > 0 && prefix[cut - 1] != '\n') cut--;
      List<JournalRecord> records = JournalCodec.decodeAll(prefix, cut);
      JournalFold fold = JournalFold.fold(records);
      Set<String> dropped = fold.dropped(clock.instant(), maxFinishedAge, maxFinishedEntries);
      if (dropped.isEmpty() && !damaged(prefix, cut, records.size())) {
        compactAt = Math.max(MIN_COMPACTION_BYTES, 2 * snapshot);
        return;
      }
      long keptSize = 0;
      Set<String> live = new HashSet<>();
      try (FileChannel out =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        for (int i = 0; i < records.size(); i++) {
          if (fold.ownedBy(i, dropped)) continue;
          live.add(fold.ownerOf(records.get(i)));
          ByteBuffer b = ByteBuffer.wrap(JournalCodec.encode(records.get(i)));
          while (b.hasRemaining()) keptSize += out.write(b);
        }
        out.force(true);
      }
      long prefixEnd = cut;
      long kept = keptSize;
      if (afterSnapshot != null) afterSnapshot.run();
      locked(
          () -> {
            refreshData();
            if (!key[0].equals(dataKey)) {
              // Another process compacted meanwhile: what was read is out of date.
              Files.deleteIfExists(tmp);
              return null;
            }
            byte[] tail = read(data, prefixEnd, data.size());
            List<JournalRecord> added = JournalCodec.decodeAll(tail, tail.length);
            for (JournalRecord r : added) {
              if (dropped.contains(fold.ownerOf(r))) {
                // A record for an entry this compaction drops (say a second download of a finished
                // task) arrived meanwhile: do it all under the lock, where nothing can arrive.
                Files.deleteIfExists(tmp);
                compactLocked();
                return null;
              }
              live.add(fold.ownerOf(r));
            }
            long size = kept;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
              ByteBuffer b = ByteBuffer.wrap(tail);
              while (b.hasRemaining()) size += out.write(b, size);
              out.force(true);
            }
            replaceWith(tmp);
            removeStaleClaims(live);
            compactAt = Math.max(MIN_COMPACTION_BYTES, 2 * size);
            return null;
          });
    } catch (IOException | JournalException e) {
      // The records are safe in the old file; the next append past the threshold tries again.
      compactAt += MIN_COMPACTION_BYTES;
    } catch (java.nio.channels.OverlappingFileLockException e) {
      // Another journal object of this process holds it: that one is compacting.
    } finally {
      closeQuietly(view[0]);
      closeQuietly(compactionLock);
      running.set(false);
    }
  }

  private static byte[] read(FileChannel channel, long from, long to) throws IOException {
    if (to - from > Integer.MAX_VALUE - 16)
      throw new IOException("journal file too large: " + to + " bytes");
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, to - from));
    long position = from;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) break;
      position += n;
    }
    return buffer.position() == buffer.capacity()
        ? buffer.array()
        : java.util.Arrays.copyOf(buffer.array(), buffer.position());
  }

  /** Atomically puts {@code tmp} in the journal file's place and opens it. Under the locks. */
  private void replaceWith(Path tmp) throws IOException {
    // Other journal objects (here or in other processes) holding the old file open notice the
    // replacement by its size at their next append (see appendLocked), so it must change even
    // when nobody else wrote: one newline, an empty line to readers should this process die
    // before the rename.
    ByteBuffer mark = ByteBuffer.wrap(new byte[] {'\n'});
    long end = data.size();
    while (mark.hasRemaining()) end += data.write(mark, end);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    openData();
  }

  /** True when some line was skipped as damaged, so a rewrite would drop garbage. */
  private static boolean damaged(byte[] all, int length, int intactRecords) {
    int lines = 0;
    for (int i = 0; i < length; i++) if (all[i] == '\n') lines++;
    return lines != intactRecords || (length > 0 && all[length - 1] != '\n');
  }

  private void removeStaleClaims(List<JournalRecord> kept) {
    Set<String> live = new HashSet<>();
    for (JournalEntry e : JournalFold.fold(kept).entries) live.add(e.id());
    removeStaleClaims(live);
  }

  private void removeStaleClaims(Set<String> liveIds) {
    Set<String> live = new HashSet<>();
    for (String id : liveIds) live.add(claimFileName(id));
    try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(claims)) {
      for (Path p : files) {
        if (!live.contains(p.getFileName().toString())) Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // No claims directory yet, or a file in use: the next compaction tries again.
    }
  }

  private void openData() throws IOException {
    closeQuietly(data);
    data =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    dataKey = fileKey();
    lastEnd = -1;
  }

  /** Reopens the journal file if another process's compaction replaced it. */
  private void refreshData() throws IOException {
    Object key = fileKey();
    if (data == null || key == null || !key.equals(dataKey)) openData();
  }

  private Object fileKey() throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  @Override
  public Optional<Claim> tryClaim(String entryId) {
    if (entryId == null) throw new NullPointerException("entryId == null");
    String key = directory + "\n" + entryId;
    if (!PROCESS_CLAIMS.add(key)) return Optional.empty();
    try {
      FileChannel ch = openClaim(entryId);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException | IOException e) {
        lock = null;
      }
      if (lock == null) {
        closeQuietly(ch);
        PROCESS_CLAIMS.remove(key);
        return Optional.empty();
      }
      return Optional.<Claim>of(new FileClaim(entryId, key, ch));
    } catch (RuntimeException e) {
      PROCESS_CLAIMS.remove(key);
      throw e;
    }
  }

  @Override
  public Claim claim(String entryId) throws InterruptedException {
    if (entryId == null) throw new NullPointerException("entryId == null");
    String key = directory + "\n" + entryId;
    synchronized (PROCESS_CLAIMS) {
      while (!PROCESS_CLAIMS.add(key)) PROCESS_CLAIMS.wait();
    }
    FileChannel ch = null;
    try {
      ch = openClaim(entryId);
      ch.lock();
      return new FileClaim(entryId, key, ch);
    } catch (IOException e) {
      closeQuietly(ch);
      releaseProcessClaim(key);
      if (Thread.interrupted())
        throw new InterruptedException("interrupted while waiting for " + entryId);
      throw new JournalException(
          "Cannot claim task " + entryId + " in " + claims + ": " + reason(e), e);
    } catch (RuntimeException e) {
      closeQuietly(ch);
      releaseProcessClaim(key);
      throw e;
    }
  }

  private static void releaseProcessClaim(String key) {
    synchronized (PROCESS_CLAIMS) {
      PROCESS_CLAIMS.remove(key);
      PROCESS_CLAIMS.notifyAll();
    }
  }

  private FileChannel openClaim(String entryId) {
    try {
      Files.createDirectories(claims);
      return new RandomAccessFile(claims.resolve(claimFileName(entryId)).toFile(), "rw")
          .getChannel();
    } catch (IOException e) {
      throw new JournalException(
          "Cannot claim task " + entryId + " in " + claims + ": " + reason(e), e);
    }
  }

  /** A file name for any id, tokens included (which may hold characters a file name cannot). */
  static String claimFileName(String entryId) {
    return UUID.nameUUIDFromBytes(entryId.getBytes(StandardCharsets.UTF_8)) + ".lock";
  }

  private final class FileClaim implements Claim {
    private final String id;
    private final String key;
    private final FileChannel channel;
    private boolean closed;

    FileClaim(String id, String key, FileChannel channel) {
      this.id = id;
      this.key = key;
      this.channel = channel;
    }

    @Override
    public String entryId() {
      return id;
    }

    @Override
    public synchronized void close() {
      if (closed) return;
      closed = true;
      // Closing the channel releases the OS lock; the file stays, because deleting a lock file
      // that another process is waiting on would let a third one lock a new file at once.
      closeQuietly(channel);
      releaseProcessClaim(key);
    }
  }

  private interface IoWork<T> {
    T run() throws IOException;
  }

  private <T> T locked(IoWork<T> work) {
    processLock.lock();
    try {
      FileLock lock = lockChannel.lock();
      try {
        return work.run();
      } finally {
        lock.release();
      }
    } catch (IOException e) {
      throw new JournalException("Cannot use the task journal " + file + ": " + reason(e), e);
    } finally {
      processLock.unlock();
    }
  }

  private static String reason(IOException e) {
    return io.github.pixverse4j.client.internal.IoReasons.of(e);
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (IOException ignored) {
      // Nothing was written through it that is not already in the file.
    }
  }

  /** Closes the open files; claims taken through this journal stay until they are closed. */
  @Override
  public void close() {
    processLock.lock();
    try {
      closeQuietly(data);
      data = null;
      closeQuietly(lockChannel);
    } finally {
      processLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "FileTaskJournal{" + directory + "}";
  }

  /** Settings of a {@link FileTaskJournal}. */
  public static final class Builder {
    private final Path directory;
    private Duration maxFinishedAge = Duration.ofDays(DEFAULT_MAX_FINISHED_AGE_DAYS);
    private int maxFinishedEntries = DEFAULT_MAX_FINISHED_ENTRIES;
    private boolean sync;
    private Clock clock = Clock.systemUTC();
    private Runnable afterSnapshot;

    Builder(Path directory) {
      if (directory == null) throw new NullPointerException("directory == null");
      this.directory = directory;
    }

    /**
     * Finished entries older than this are dropped; default {@value
     * TaskJournal#DEFAULT_MAX_FINISHED_AGE_DAYS} days.
     */
    public Builder maxFinishedAge(Duration age) {
      if (age == null) throw new NullPointerException("age == null");
      if (age.isNegative())
        throw new IllegalArgumentException("maxFinishedAge must be >= 0: " + DurationText.of(age));
      this.maxFinishedAge = age;
      return this;
    }

    /**
     * At most this many finished entries are kept; default {@value
     * TaskJournal#DEFAULT_MAX_FINISHED_ENTRIES}.
     */
    public Builder maxFinishedEntries(int count) {
      if (count < 0)
        throw new IllegalArgumentException("maxFinishedEntries must be >= 0: " + count);
      this.maxFinishedEntries = count;
      return this;
    }

    /**
     * Force every record to the disk (survives power cuts, costs a disk flush per record); default
     * false.
     */
    public Builder sync(boolean sync) {
      this.sync = sync;
      return this;
    }

    /** The clock compaction measures ages with; default the system UTC clock. */
    public Builder clock(Clock clock) {
      if (clock == null) throw new NullPointerException("clock == null");
      this.clock = clock;
      return this;
    }

    /** Tests in this package: what runs between a compaction's snapshot and its swap. */
    Builder afterSnapshot(Runnable hook) {
      this.afterSnapshot = hook;
      return this;
    }

    /**
     * Opens (and compacts) the journal.
     *
     * @throws JournalException when the directory cannot be created or written
     */
    public FileTaskJournal build() {
      return new FileTaskJournal(this);
    }
  }
}
