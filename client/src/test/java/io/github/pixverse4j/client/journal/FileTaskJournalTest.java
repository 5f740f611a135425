package io.github.pixverse4j.client.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FileTaskJournalTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  @TempDir Path dir;

  static Stream<Function<Path, TaskJournal>> journals() {
    return Stream.of(d -> TaskJournal.file(d), d -> TaskJournal.inMemory());
  }

  private static String token(int n) {
    return TaskHandle.of("gmi", "pixverse-v6", "task-" + n).token();
  }

  private static JournalRecord intent(String id, Instant t, String target) {
    return JournalRecord.intent(
        id,
        t,
        "gmi",
        "pixverse-v6",
        "https://api.example/v1/",
        Collections.singletonMap("prompt", "a cat " + id),
        target == null ? null : Collections.singletonMap(JournalEntry.LABEL_TARGET, target));
  }

  @ParameterizedTest
  @MethodSource("journals")
  @DisplayName("an entry goes from submitting to accepted, succeeded and downloaded, newest first")
  void lifecycle(Function<Path, TaskJournal> make) {
    TaskJournal j = make.apply(dir);
    j.append(intent("a", T0, "/videos"));
    assertThat(j.entries())
        .extracting(JournalEntry::phase)
        .containsExactly(JournalEntry.Phase.SUBMITTING);
    assertThat(j.unfinished()).isEmpty();
    j.append(JournalRecord.accepted("a", token(1), T0.plusSeconds(1)));
    j.append(intent("b", T0.plusSeconds(2), null));
    j.append(JournalRecord.notAccepted("b", T0.plusSeconds(3), "401"));
    assertThat(j.entries()).extracting(JournalEntry::id).containsExactly("b", "a");
    assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("a");
    j.append(
        JournalRecord.terminal(
            token(1),
            T0.plusSeconds(9),
            TaskState.SUCCEEDED,
            Collections.singletonList("https://cdn.example/v.mp4"),
            null));
    JournalEntry a = j.entry(token(1)).get();
    assertThat(a.phase()).isEqualTo(JournalEntry.Phase.SUCCEEDED);
    assertThat(a.videoUrls()).containsExactly("https://cdn.example/v.mp4");
    assertThat(a.isUnfinished()).as("succeeded with a target, not downloaded yet").isTrue();
    j.append(JournalRecord.downloaded(token(1), T0.plusSeconds(10), "/videos/v.mp4"));
    a = j.entry("a").get();
    assertThat(a.phase()).isEqualTo(JournalEntry.Phase.DOWNLOADED);
    assertThat(a.downloadedFile()).contains("/videos/v.mp4");
    assertThat(a.endpoint()).contains("https://api.example/v1/");
    assertThat(a.summary()).containsEntry("prompt", "a cat a");
    assertThat(a.createdAt()).isEqualTo(T0);
    assertThat(a.updatedAt()).isEqualTo(T0.plusSeconds(10));
    assertThat(j.unfinished()).isEmpty();
    assertThat(j.entry("b").get().phase()).isEqualTo(JournalEntry.Phase.NOT_ACCEPTED);
  }

  @ParameterizedTest
  @MethodSource("journals")
  @DisplayName("a task first seen by its token (watch) becomes an entry of its own")
  void tokenOnly(Function<Path, TaskJournal> make) {
    TaskJournal j = make.apply(dir);
    j.append(JournalRecord.terminal(token(7), T0, TaskState.FAILED, null, "moderated"));
    JournalEntry e = j.entries().get(0);
    assertThat(e.provider()).isEqualTo("gmi");
    assertThat(e.phase()).isEqualTo(JournalEntry.Phase.FAILED);
    assertThat(e.message()).contains("moderated");
    assertThat(e.isFinished()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("journals")
  @DisplayName(
      "a forgotten unanswered submit is finished; an answer recorded later makes it accepted; an"
          + " answered one ignores it")
  void forgotten(Function<Path, TaskJournal> make) {
    TaskJournal j = make.apply(dir);
    j.append(intent("lost", T0, null));
    j.append(JournalRecord.outcomeUnknown("lost", T0.plusSeconds(1), "no answer"));
    j.append(intent("late", T0.plusSeconds(2), null));
    j.append(intent("done", T0.plusSeconds(3), null));
    j.append(JournalRecord.accepted("done", token(3), T0.plusSeconds(4)));
    j.append(JournalRecord.forgotten("lost", T0.plusSeconds(5), "checked the console"));
    j.append(JournalRecord.forgotten("late", T0.plusSeconds(5), "checked the console"));
    j.append(JournalRecord.forgotten("done", T0.plusSeconds(5), "by mistake"));
    assertThat(j.entry("lost").get().phase()).isEqualTo(JournalEntry.Phase.FORGOTTEN);
    assertThat(j.entry("lost").get().message()).contains("checked the console");
    assertThat(j.entry("lost").get().isFinished()).isTrue();
    assertThat(j.entry("done").get().phase())
        .as("an accepted task cannot be forgotten")
        .isEqualTo(JournalEntry.Phase.ACCEPTED);
    // The submit of "late" was still in flight in another process: its answer comes after all.
    j.append(JournalRecord.accepted("late", token(2), T0.plusSeconds(6)));
    assertThat(j.entry("late").get().phase()).isEqualTo(JournalEntry.Phase.ACCEPTED);
    assertThat(j.unfinished()).extracting(JournalEntry::id).containsExactly("done", "late");
  }

  @Test
  @DisplayName(
      "a record torn by a kill is skipped, and the next append starts on a line of its own")
  void tornLastRecord() throws IOException {
    FileTaskJournal j = TaskJournal.file(dir);
    j.append(intent("a", T0, null));
    byte[] whole = JournalCodec.encode(intent("torn", T0, null));
    for (int cut = 1; cut < whole.length; cut += Math.max(1, whole.length / 17)) {
      Path copy = Files.createTempDirectory(dir, "cut");
      Files.write(copy.resolve(FileTaskJournal.FILE_NAME), Files.readAllBytes(j.file()));
      FileTaskJournal k = TaskJournal.file(copy);
      // Another process sharing the journal dies in the middle of its write.
      Files.write(k.file(), java.util.Arrays.copyOf(whole, cut), StandardOpenOption.APPEND);
      assertThat(k.entries())
          .as("cut after %d of %d bytes", cut, whole.length)
          .extracting(JournalEntry::id)
          .containsExactly("a");
      k.append(intent("b", T0.plusSeconds(1), null));
      assertThat(TaskJournal.file(copy).entries())
          .extracting(JournalEntry::id)
          .containsExactly("b", "a");
      k.close();
    }
  }

  @Test
  @DisplayName("opening a journal with a torn last record rewrites it without the torn bytes")
  void repairOnOpen() throws IOException {
    FileTaskJournal j = TaskJournal.file(dir);
    j.append(intent("a", T0, null));
    byte[] whole = JournalCodec.encode(intent("torn", T0, null));
    Files.write(
        j.file(), java.util.Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);
    FileTaskJournal k = TaskJournal.file(dir);
    assertThat(Files.readAllBytes(k.file())).isEqualTo(JournalCodec.encode(intent("a", T0, null)));
  }

  @Test
  @DisplayName("a damaged line in the middle is skipped; the records around it stay")
  void damagedMiddle() throws IOException {
    FileTaskJournal j = TaskJournal.file(dir);
    j.append(intent("a", T0, null));
    j.append(intent("b", T0.plusSeconds(1), null));
    j.append(intent("c", T0.plusSeconds(2), null));
    List<String> lines = Files.readAllLines(j.file());
    lines.set(1, lines.get(1).replace("a cat b", "a dog b"));
    Files.write(j.file(), lines);
    assertThat(j.entries()).extracting(JournalEntry::id).containsExactly("c", "a");
  }

  @Test
  @DisplayName(
      "compaction keeps unfinished and young unanswered entries, drops old and surplus finished"
          + " ones")
  void compaction() {
    Instant now = T0.plus(Duration.ofDays(40));
    FileTaskJournal j =
        FileTaskJournal.builder(dir)
            .maxFinishedEntries(2)
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();
    for (int i = 0; i < 5; i++) {
      j.append(intent("done" + i, now.minusSeconds(100 - i), null));
      j.append(JournalRecord.accepted("done" + i, token(i), now.minusSeconds(100 - i)));
      j.append(
          JournalRecord.terminal(
              token(i),
              now.minusSeconds(90 - i),
              TaskState.SUCCEEDED,
              Collections.singletonList("https://cdn/v" + i),
              null));
    }
    j.append(intent("old-finished", T0, null));
    j.append(JournalRecord.notAccepted("old-finished", T0, "no"));
    j.append(intent("old-unanswered", T0, null));
    j.append(intent("young-unanswered", now.minusSeconds(5), null));
    j.append(intent("running", T0, "/v"));
    j.append(JournalRecord.accepted("running", token(99), T0));
    j.compact();
    assertThat(j.entries())
        .extracting(JournalEntry::id)
        .containsExactlyInAnyOrder("done4", "done3", "young-unanswered", "running");
    assertThat(TaskJournal.file(dir).entries()).hasSize(4);
  }

  @Test
  @DisplayName("the file stays bounded: compaction runs on its own as the file grows")
  void boundedSize() throws IOException {
    FileTaskJournal j = FileTaskJournal.builder(dir).maxFinishedEntries(10).build();
    Instant now = Instant.now();
    for (int i = 0; i < 3000; i++) {
      j.append(intent("e" + i, now, null));
      j.append(JournalRecord.notAccepted("e" + i, now, "refused"));
    }
    assertThat(Files.size(j.file())).isLessThan(2 * FileTaskJournal.MIN_COMPACTION_BYTES + 1000);
    assertThat(j.entries().size()).isLessThan(3000);
  }

  @Test
  @DisplayName("eight threads appending at once lose and corrupt nothing")
  void threads() throws Exception {
    FileTaskJournal j = TaskJournal.file(dir);
    int threads = 8;
    int each = 400;
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int w = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                  FileTaskJournal own = w % 2 == 0 ? j : TaskJournal.file(dir);
                  for (int i = 0; i < each; i++) own.append(intent("t" + w + "-" + i, T0, null));
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      th.start();
      all.add(th);
    }
    go.countDown();
    for (Thread th : all) th.join();
    assertThat(j.records()).hasSize(threads * each);
    assertThat(Files.readAllLines(j.file())).hasSize(threads * each);
  }

  @Test
  @DisplayName(
      "a record appended by many threads at once is in the file when append returns, leader or not")
  void groupCommitReturnsAfterTheWrite() throws Exception {
    FileTaskJournal j = TaskJournal.file(dir);
    int threads = 8;
    int each = 150;
    CountDownLatch go = new CountDownLatch(1);
    List<String> missing = Collections.synchronizedList(new ArrayList<String>());
    List<Thread> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int w = t;
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                  for (int i = 0; i < each; i++) {
                    JournalRecord r = intent("g" + w + "-" + i, T0, null);
                    j.append(r);
                    // Read through another channel: what a new process would see after a kill right
                    // now.
                    String file = new String(Files.readAllBytes(j.file()), StandardCharsets.UTF_8);
                    if (!file.contains(new String(JournalCodec.encode(r), StandardCharsets.UTF_8)))
                      missing.add(r.id());
                  }
                } catch (InterruptedException | IOException e) {
                  missing.add(e.toString());
                }
              });
      th.start();
      all.add(th);
    }
    go.countDown();
    for (Thread th : all) th.join();
    assertThat(missing).as("records not in the file when append returned").isEmpty();
    assertThat(j.records()).hasSize(threads * each);
  }

  @Test
  @DisplayName(
      "a journal object that wrote last still appends to the new file after another one compacted")
  void appendAfterAnotherCompacted() throws IOException {
    FileTaskJournal a = TaskJournal.file(dir);
    FileTaskJournal b = FileTaskJournal.builder(dir).maxFinishedEntries(0).build();
    b.append(intent("refused", T0, null));
    b.append(JournalRecord.notAccepted("refused", T0, "401"));
    // a writes last, so the file is exactly as long as a left it: only the compaction changes it.
    a.append(intent("x", T0, null));
    b.compact();
    assertThat(TaskJournal.file(dir).entries()).extracting(JournalEntry::id).containsExactly("x");
    a.append(intent("y", T0.plusSeconds(1), null));
    a.append(JournalRecord.accepted("y", token(1), T0.plusSeconds(2)));
    assertThat(TaskJournal.file(dir).entries())
        .as("records a appended after b replaced the file")
        .extracting(JournalEntry::id)
        .containsExactly("y", "x");
    assertThat(Files.readAllLines(a.file())).hasSize(3);
    a.close();
    b.close();
  }

  @Test
  @DisplayName(
      "appends go on while a compaction reads and rewrites the file, and are in the compacted file")
  void appendsDuringCompaction() throws Exception {
    AtomicReference<FileTaskJournal> journal = new AtomicReference<>();
    AtomicReference<FileTaskJournal> otherJournal = new AtomicReference<>();
    AtomicBoolean armed = new AtomicBoolean(true);
    List<String> appended = Collections.synchronizedList(new ArrayList<String>());
    List<String> appendedDuring = Collections.synchronizedList(new ArrayList<String>());
    FileTaskJournal j =
        FileTaskJournal.builder(dir)
            .maxFinishedEntries(0)
            .afterSnapshot(
                () -> {
                  if (!armed.get()) return;
                  FileTaskJournal self = journal.get();
                  FileTaskJournal other = otherJournal.get();
                  // Another thread, so that a lock held by the compacting thread would block it.
                  Thread t =
                      new Thread(
                          () -> {
                            self.append(intent("b", T0.plusSeconds(1), "/v"));
                            other.append(JournalRecord.accepted("b", token(2), T0.plusSeconds(2)));
                            appended.add("b");
                          });
                  t.start();
                  try {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  appendedDuring.addAll(appended);
                })
            .build();
    journal.set(j);
    FileTaskJournal other = TaskJournal.file(dir);
    otherJournal.set(other);
    j.append(intent("a", T0, null));
    j.append(intent("refused", T0, null));
    j.append(JournalRecord.notAccepted("refused", T0, "401"));
    j.compactAside();
    assertThat(appendedDuring)
        .as("appended while the compaction was under way")
        .containsExactly("b");
    FileTaskJournal reader = TaskJournal.file(dir);
    assertThat(reader.entries()).extracting(JournalEntry::id).containsExactly("b", "a");
    assertThat(reader.entry("b").get().phase()).isEqualTo(JournalEntry.Phase.ACCEPTED);
    assertThat(Files.readAllLines(j.file())).hasSize(3);
    armed.set(false);
    j.append(intent("c", T0.plusSeconds(3), null));
    other.append(intent("d", T0.plusSeconds(4), null));
    assertThat(TaskJournal.file(dir).entries())
        .extracting(JournalEntry::id)
        .containsExactly("d", "c", "b", "a");
  }

  @Test
  @DisplayName(
      "a record for an entry being compacted away that arrives during the compaction leaves no"
          + " orphan entry")
  void lateRecordOfDroppedEntry() throws Exception {
    AtomicReference<FileTaskJournal> journal = new AtomicReference<>();
    FileTaskJournal j =
        FileTaskJournal.builder(dir)
            .maxFinishedEntries(0)
            .afterSnapshot(
                () -> {
                  Thread t =
                      new Thread(
                          () ->
                              journal
                                  .get()
                                  .append(
                                      JournalRecord.terminal(
                                          token(1),
                                          T0.plusSeconds(6),
                                          TaskState.FAILED,
                                          null,
                                          "moderated, seen by a second watcher")));
                  t.start();
                  try {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                })
            .build();
    journal.set(j);
    j.append(intent("a", T0, null));
    j.append(intent("r", T0, null));
    j.append(JournalRecord.accepted("r", token(1), T0));
    j.append(
        JournalRecord.terminal(token(1), T0.plusSeconds(5), TaskState.FAILED, null, "moderated"));
    j.compactAside();
    assertThat(TaskJournal.file(dir).entries()).extracting(JournalEntry::id).containsExactly("a");
    assertThat(Files.readAllLines(j.file())).hasSize(1);
  }

  @Test
  @DisplayName("four processes appending at once lose and corrupt nothing (OS file locks)")
  void processes() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<Process> children = new ArrayList<>();
    int each = 500;
    for (int p = 0; p < 4; p++) {
      children.add(
          new ProcessBuilder(
                  java,
                  "-cp",
                  cp,
                  JournalWriterMain.class.getName(),
                  dir.toString(),
                  "p" + p,
                  String.valueOf(each))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("p" + p + ".log").toFile())
              .start());
    }
    for (Process c : children) {
      assertThat(c.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(c.exitValue())
          .as(new String(Files.readAllBytes(dir.resolve("p0.log")), StandardCharsets.UTF_8))
          .isZero();
    }
    FileTaskJournal j = TaskJournal.file(dir);
    Set<String> ids = new HashSet<>();
    for (JournalRecord r : j.records()) ids.add(r.id());
    assertThat(ids).hasSize(4 * each);
    assertThat(Files.readAllLines(j.file())).hasSize(4 * each);
  }

  @ParameterizedTest
  @MethodSource("journals")
  @DisplayName("an entry can be claimed by one holder at a time")
  void claims(Function<Path, TaskJournal> make) throws Exception {
    TaskJournal j = make.apply(dir);
    Optional<TaskJournal.Claim> first = j.tryClaim("a");
    assertThat(first).isPresent();
    assertThat(j.tryClaim("a")).isEmpty();
    assertThat(j.tryClaim("b")).isPresent();
    Thread waiter =
        new Thread(
            () -> {
              try (TaskJournal.Claim c = j.claim("a")) {
                assertThat(c.entryId()).isEqualTo("a");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    waiter.join(200);
    assertThat(waiter.isAlive()).as("claim() waits for the holder").isTrue();
    first.get().close();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
    assertThat(j.tryClaim("a")).isPresent();
  }

  @Test
  @DisplayName("an unwritable directory is refused with a message naming it")
  void unwritable() throws IOException {
    Path file = Files.write(dir.resolve("plain-file"), new byte[] {1});
    assertThatThrownBy(() -> TaskJournal.file(file.resolve("journal")))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining(file.resolve("journal").toString());
  }

  @Test
  @DisplayName(
      "the refusal says why in words, not the path a second time (a file in the way, a place no"
          + " directory can be made)")
  void unwritableSaysWhy() throws IOException {
    Path file = Files.write(dir.resolve("plain-file"), new byte[] {1});
    assertThatThrownBy(() -> TaskJournal.file(file))
        .hasMessageNotContaining(file + ": " + file)
        .hasMessageContaining("is in the way (not a directory)");
  }

  @Test
  @DisplayName(
      "records never hold anything beyond what was given: the file is plain checksummed JSON lines")
  void format() throws IOException {
    FileTaskJournal j = TaskJournal.file(dir);
    j.append(intent("a", T0, null));
    String line = new String(Files.readAllBytes(j.file()), StandardCharsets.UTF_8);
    assertThat(line).matches("\\{\"v\":1,\"kind\":\"INTENT\",\"id\":\"a\",.*\\} [0-9a-f]{8}\n");
    Files.write(j.file(), "garbage\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    assertThat(j.records()).hasSize(1);
  }
}
