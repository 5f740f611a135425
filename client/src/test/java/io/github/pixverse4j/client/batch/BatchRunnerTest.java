package io.github.pixverse4j.client.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.batch.BatchItemResult.Outcome;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
  private final TestScheduler time = new TestScheduler();
  @TempDir Path dir;

  private static Flowable<BatchItem> items(int n) {
    return Flowable.range(1, n)
        .map(i -> BatchItem.of("item-" + i, CappedProvider.request("item-" + i)));
  }

  private BatchRunner.Builder runner(VideoClient client, int max) {
    return BatchRunner.builder(client, "b1")
        .maxConcurrency(max)
        .outputDirectory(dir)
        .scheduler(time);
  }

  /** Advances virtual time in small steps until the run ends (or {@code limit} passes). */
  private void runUntilDone(Probe ts, Duration limit) {
    long steps = limit.toMillis() / 100;
    for (long i = 0; i < steps && !ts.done(); i++) {
      time.advanceTimeBy(100, TimeUnit.MILLISECONDS);
    }
  }

  /** A test subscriber that says whether the run has ended. */
  static final class Probe extends TestSubscriber<BatchEvent> {
    boolean done() {
      return completions > 0 || !errors.isEmpty();
    }
  }

  private static Map<String, BatchItemResult> results(Probe ts) {
    Map<String, BatchItemResult> m = new HashMap<>();
    for (BatchEvent e : ts.values()) {
      e.item()
          .ifPresent(
              r -> assertThat(m.put(r.id(), r)).as("each item ends once: " + r.id()).isNull());
    }
    return m;
  }

  private static BatchProgress last(Probe ts) {
    return ts.values().get(ts.values().size() - 1).progress();
  }

  @Nested
  @DisplayName("the concurrency rule against a provider that caps concurrent jobs")
  class Concurrency {
    @Test
    @DisplayName("60 items, cap 3, at most 8 asked: every item delivered once, near the ideal time")
    void settlesAtTheCap() {
      CappedProvider p = new CappedProvider(time, 3);
      p.retryAfter = Duration.ofSeconds(1);
      Probe ts = runner(p.client(), 8).build().run(items(60)).subscribeWith(new Probe());
      long start = time.now(TimeUnit.MILLISECONDS);
      runUntilDone(ts, Duration.ofHours(1));
      ts.assertComplete().assertNoErrors();
      long wall = time.now(TimeUnit.MILLISECONDS) - start;

      Map<String, BatchItemResult> r = results(ts);
      assertThat(r).hasSize(60);
      assertThat(r.values()).allMatch(x -> x.outcome() == Outcome.DELIVERED);
      for (int i = 1; i <= 60; i++) {
        assertThat(Files.exists(dir.resolve("item-" + i + ".mp4"))).isTrue();
        assertThat(p.acceptedPerPrompt.get("item-" + i)).as("jobs of item-" + i).isEqualTo(1);
      }
      assertThat(p.peakRunning).isLessThanOrEqualTo(3);
      // Ideal: 60 items x 10 s / 3 = 200 s; polls every second and the probes cost a little.
      double ideal = 60 * 10_000.0 / 3;
      assertThat(ideal / wall).as("efficiency, wall %d ms", wall).isGreaterThan(0.85);
      assertThat(last(ts).concurrencyTarget()).isBetween(3, 4);
      // The first burst of 8 finds the cap of 3 and stays near it: few refusals after.
      assertThat(p.refusals).isLessThan(20);
    }

    @Test
    @DisplayName("a refused item waits for Retry-After before it is sent again, when no task ends")
    void honoursRetryAfter() {
      CappedProvider p = new CappedProvider(time, 1);
      // A job from elsewhere on the account holds the one slot for 20 s.
      p.endsAtMillis.put("elsewhere", 20_000L);
      p.retryAfter = Duration.ofSeconds(7);
      Probe ts = runner(p.client(), 2).build().run(items(1)).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofMinutes(10));
      ts.assertComplete();
      // Sent at 0, refused (answered at 0.1 s); again at 7.1 s and 14.2 s, refused; at 21.3 s
      // the slot is free.
      assertThat(p.submitTimes).containsExactly(0L, 7_100L, 14_200L, 21_300L);
      assertThat(p.acceptedPerPrompt).containsEntry("item-1", 1);
      assertThat(results(ts).get("item-1").outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    @DisplayName(
        "without Retry-After (PixVerse 500044), a refused item goes again when a task ends")
    void resendsWhenATaskEnds() {
      CappedProvider p = new CappedProvider(time, 2);
      p.jobTime = Duration.ofSeconds(5);
      Probe ts = runner(p.client(), 4).build().run(items(12)).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      ts.assertComplete();
      assertThat(results(ts).values()).allMatch(x -> x.outcome() == Outcome.DELIVERED);
      assertThat(p.accepted()).isEqualTo(12);
      assertThat(p.peakRunning).isEqualTo(2);
    }

    @Test
    @DisplayName("the input is read only as far as there is room: constant memory for any length")
    void readsLazily() {
      CappedProvider p = new CappedProvider(time, 2);
      AtomicLong requested = new AtomicLong();
      Flowable<BatchItem> endless =
          Flowable.rangeLong(1, Long.MAX_VALUE)
              .doOnRequest(requested::addAndGet)
              .map(i -> BatchItem.of("i" + i, CappedProvider.request("i" + i)));
      Probe ts = runner(p.client(), 2).build().run(endless).subscribeWith(new Probe());
      time.advanceTimeBy(95, TimeUnit.SECONDS);
      long delivered = last(ts).delivered();
      assertThat(delivered).isGreaterThan(10);
      // Items asked for = items ended + in flight (at most the target), never a read-ahead.
      assertThat(requested.get()).isLessThanOrEqualTo(delivered + 2 + 1);
      ts.cancel();
    }
  }

  @Nested
  @DisplayName("the budget")
  class Budget {
    @Test
    @DisplayName("items whose estimate would pass the budget are not sent, and say so")
    void overBudget() {
      CappedProvider p = new CappedProvider(time, 10);
      Probe ts =
          runner(p.client(), 4)
              .budgetUsd(new BigDecimal("2.50"), item -> Optional.of(BigDecimal.ONE))
              .build()
              .run(items(5))
              .subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      Map<String, BatchItemResult> r = results(ts);
      assertThat(r.get("item-1").outcome()).isEqualTo(Outcome.DELIVERED);
      assertThat(r.get("item-2").outcome()).isEqualTo(Outcome.DELIVERED);
      for (int i = 3; i <= 5; i++) {
        BatchItemResult x = r.get("item-" + i);
        assertThat(x.outcome()).isEqualTo(Outcome.OVER_BUDGET);
        assertThat(x.problems().get(0)).contains("$1", "$2", "budget of $2.50");
      }
      assertThat(p.accepted()).isEqualTo(2);
      assertThat(p.submitTimes).hasSize(2);
      assertThat(last(ts).committedUsd()).isEqualByComparingTo("2");
    }

    @Test
    @DisplayName("under a budget, an item without an estimate is refused, not guessed")
    void noEstimate() {
      CappedProvider p = new CappedProvider(time, 10);
      Probe ts =
          runner(p.client(), 4)
              .budgetUsd(
                  new BigDecimal("100"),
                  item ->
                      item.id().equals("item-2")
                          ? Optional.<BigDecimal>empty()
                          : Optional.of(BigDecimal.ONE))
              .build()
              .run(items(3))
              .subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      Map<String, BatchItemResult> r = results(ts);
      assertThat(r.get("item-2").outcome()).isEqualTo(Outcome.NO_ESTIMATE);
      assertThat(r.get("item-2").problems().get(0)).contains("no cost estimate");
      assertThat(p.acceptedPerPrompt).doesNotContainKey("item-2").hasSize(2);
    }

    @Test
    @DisplayName("a dry run sends nothing and totals the estimates")
    void dryRun() {
      CappedProvider p = new CappedProvider(time, 10);
      Flowable<BatchItem> in =
          Flowable.just(
              BatchItem.of("a", CappedProvider.request("a")),
              BatchItem.of("b", CappedProvider.request("b")),
              BatchItem.invalid("c", Collections.singletonList("line 3 is not JSON")));
      Probe ts =
          runner(p.client(), 4)
              .costEstimator(item -> Optional.of(new BigDecimal("0.25")))
              .build()
              .dryRun(in)
              .subscribeWith(new Probe());
      time.triggerActions();
      ts.assertComplete();
      Map<String, BatchItemResult> r = results(ts);
      assertThat(r.get("a").outcome()).isEqualTo(Outcome.WOULD_SUBMIT);
      assertThat(r.get("b").outcome()).isEqualTo(Outcome.WOULD_SUBMIT);
      assertThat(r.get("c").outcome()).isEqualTo(Outcome.INVALID);
      assertThat(last(ts).committedUsd()).isEqualByComparingTo("0.50");
      assertThat(p.submitTimes).isEmpty();
    }
  }

  @Nested
  @DisplayName("invalid items")
  class Invalid {
    @Test
    @DisplayName("are reported with every problem, cost nothing and do not stop the others")
    void reported() {
      CappedProvider p = new CappedProvider(time, 10);
      ImageToVideoRequest bad =
          ImageToVideoRequest.builder()
              .image(ImageInput.url("https://example.com/cat.png"))
              .prompt("bad")
              .durationSeconds(99)
              .build();
      Flowable<BatchItem> in =
          Flowable.just(
              BatchItem.of("good", CappedProvider.request("good")),
              BatchItem.of("bad", bad),
              BatchItem.invalid("unreadable", Collections.singletonList("not JSON")),
              BatchItem.of("good", CappedProvider.request("good")));
      Probe ts = runner(p.client(), 4).build().run(in).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      ts.assertComplete();
      List<BatchItemResult> ends = new ArrayList<>();
      for (BatchEvent e : ts.values()) e.item().ifPresent(ends::add);
      assertThat(ends).hasSize(4);
      BatchItemResult b = ends.stream().filter(x -> x.id().equals("bad")).findFirst().get();
      assertThat(b.outcome()).isEqualTo(Outcome.INVALID);
      assertThat(b.problems()).anyMatch(s -> s.contains("duration must be 1 to 10 seconds"));
      assertThat(ends.stream().filter(x -> x.id().equals("good")))
          .extracting(BatchItemResult::outcome)
          .containsExactlyInAnyOrder(Outcome.INVALID, Outcome.DELIVERED);
      assertThat(p.acceptedPerPrompt).containsOnlyKeys("good");
      assertThat(p.acceptedPerPrompt.get("good")).isEqualTo(1);
    }

    @Test
    @DisplayName("a bad key ends the run with the error instead of failing every item")
    void fatal() {
      CappedProvider p = new CappedProvider(time, 10);
      p.failEverySubmit = CappedProvider.badKey();
      Probe ts = runner(p.client(), 2).build().run(items(50)).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofMinutes(1));
      ts.assertError(AuthenticationException.class);
      assertThat(p.submitTimes.size()).isLessThanOrEqualTo(2);
    }
  }

  @Nested
  @DisplayName("crash safety with the task journal")
  class CrashSafety {
    private final TaskJournal journal = TaskJournal.inMemory();

    @Test
    @DisplayName("a run stopped at any instant, run again: no second job for any item")
    void resumeAfterStop() {
      for (long stopAt : new long[] {50, 100, 150, 5_000, 10_050, 10_100, 20_000}) {
        CappedProvider p = new CappedProvider(time, 3);
        p.jobTime = Duration.ofSeconds(10);
        Path out = dir.resolve("stop-" + stopAt);
        TaskJournal j = TaskJournal.inMemory();
        BatchRunner r =
            BatchRunner.builder(p.client().withJournal(j), "b-" + stopAt)
                .maxConcurrency(3)
                .outputDirectory(out)
                .scheduler(time)
                .build();
        Probe first = r.run(items(9)).subscribeWith(new Probe());
        time.advanceTimeBy(stopAt, TimeUnit.MILLISECONDS);
        first.cancel(); // as a kill: nothing more is recorded by this run

        Probe second = r.run(items(9)).subscribeWith(new Probe());
        runUntilDone(second, Duration.ofHours(1));
        second.assertComplete();
        Map<String, BatchItemResult> res = results(second);
        assertThat(res).hasSize(9);
        for (BatchItemResult x : res.values()) {
          int jobs = p.acceptedPerPrompt.getOrDefault(x.id(), 0);
          assertThat(jobs)
              .as("jobs of %s, stopped at %d ms", x.id(), stopAt)
              .isLessThanOrEqualTo(1);
          if (x.outcome() == Outcome.OUTCOME_UNKNOWN) {
            assertThat(x.problems().get(0)).contains("never answered", "tasks --forget");
          } else {
            assertThat(x.outcome()).as(x.toString()).isEqualTo(Outcome.DELIVERED);
            assertThat(jobs).isEqualTo(1);
          }
        }
        // Running it a third time sends nothing.
        int submits = p.submitTimes.size();
        Probe third = r.run(items(9)).subscribeWith(new Probe());
        runUntilDone(third, Duration.ofMinutes(1));
        third.assertComplete();
        assertThat(p.submitTimes).hasSize(submits);
      }
    }

    @Test
    @DisplayName(
        "every item's intent, handle and end are in the journal under the batch and item id")
    void labels() {
      CappedProvider p = new CappedProvider(time, 3);
      BatchRunner r =
          BatchRunner.builder(p.client().withJournal(journal), "spring")
              .outputDirectory(dir)
              .scheduler(time)
              .build();
      Probe ts = r.run(items(3)).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      ts.assertComplete();
      List<JournalEntry> entries = journal.entries();
      assertThat(entries).hasSize(3);
      for (JournalEntry e : entries) {
        assertThat(e.labels()).containsEntry(BatchRunner.LABEL_BATCH, "spring");
        assertThat(e.labels().get(BatchRunner.LABEL_ITEM)).startsWith("item-");
        assertThat(e.phase()).isEqualTo(JournalEntry.Phase.DOWNLOADED);
        assertThat(e.target())
            .contains(
                dir.resolve(e.labels().get(BatchRunner.LABEL_ITEM) + ".mp4")
                    .toAbsolutePath()
                    .toString());
      }
    }

    @Test
    @DisplayName("a submit killed before its answer is listed as unknown, never sent again")
    void unknownListed() {
      CappedProvider p = new CappedProvider(time, 3);
      Map<String, String> labels = new HashMap<>();
      labels.put(BatchRunner.LABEL_BATCH, "b");
      labels.put(BatchRunner.LABEL_ITEM, "item-2");
      journal.append(
          JournalRecord.intent(
              "e1",
              Instant.EPOCH,
              CappedProvider.ID,
              "capped-model",
              null,
              Collections.<String, String>emptyMap(),
              labels));
      BatchRunner r =
          BatchRunner.builder(p.client().withJournal(journal), "b")
              .outputDirectory(dir)
              .scheduler(time)
              .build();
      Probe ts = r.run(items(3)).subscribeWith(new Probe());
      runUntilDone(ts, Duration.ofHours(1));
      Map<String, BatchItemResult> res = results(ts);
      assertThat(res.get("item-2").outcome()).isEqualTo(Outcome.OUTCOME_UNKNOWN);
      assertThat(res.get("item-2").fromEarlierRun()).isTrue();
      assertThat(p.acceptedPerPrompt).containsOnlyKeys("item-1", "item-3");
    }
  }
}
