package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleTest extends SimulatorTestBase {

  private List<String> reads(String id, int count) throws Exception {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode s = status(id);
      StringBuilder b = new StringBuilder(s.get("state").asText());
      for (String field : new String[] {"queue_position", "progress", "eta", "reason"}) {
        if (s.has(field)) {
          b.append(' ').append(field).append('=').append(s.get(field).asText());
        }
      }
      shown.add(b.toString());
    }
    return shown;
  }

  @Test
  @DisplayName("a read-driven lifecycle moves one step per status read, the queue counting down")
  void perReadProgression() throws Exception {
    sim.nextJobs(Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded());
    String id = submit();
    assertThat(reads(id, 7))
        .containsExactly(
            "queued queue_position=3",
            "queued queue_position=2",
            "running progress=30",
            "running progress=60",
            "running progress=90",
            "succeeded progress=100",
            "succeeded progress=100");
    assertThat(sim.job(id).reads()).isEqualTo(7);
    assertThat(status(id).get("video_url").asText()).isEqualTo(sim.videoUrl(id));
  }

  @Test
  @DisplayName("the initial default lifecycle: queued once, running 50 then 90, succeeded")
  void initialDefault() throws Exception {
    String id = submit();
    assertThat(reads(id, 4))
        .containsExactly(
            "queued queue_position=1",
            "running progress=50",
            "running progress=90",
            "succeeded progress=100");
  }

  @Test
  @DisplayName("nextJobs is consumed first in first out, then the default lifecycle applies")
  void nextJobsFifo() throws Exception {
    sim.defaultLifecycle(Lifecycle.immediateSuccess());
    sim.nextJobs(Lifecycle.builder().failed("no credits"), Lifecycle.builder().moderated("nsfw"));
    String first = submit();
    String second = submit();
    String third = submit();
    assertThat(reads(first, 1)).containsExactly("failed reason=no credits");
    assertThat(reads(second, 1)).containsExactly("moderated reason=nsfw");
    assertThat(reads(third, 1)).containsExactly("succeeded progress=100");
    assertThat(sim.jobs()).extracting(SimJob::id).containsExactly(first, second, third);
  }

  @Test
  @DisplayName("running reads can carry an ETA; queue positions never go below 1")
  void etaAndClamping() throws Exception {
    sim.nextJobs(
        Lifecycle.builder()
            .queued(3, 2)
            .running(10, 80)
            .withEta(Duration.ofSeconds(40), Duration.ofMillis(4500))
            .runningFor(1)
            .expired());
    String id = submit();
    assertThat(reads(id, 7))
        .containsExactly(
            "queued queue_position=2",
            "queued queue_position=1",
            "queued queue_position=1",
            "running progress=10 eta=40",
            "running progress=80 eta=5",
            "running",
            "expired");
  }

  @Test
  @DisplayName("a timed lifecycle follows the simulator's clock, not the number of reads")
  void timedWithSimClock() throws Exception {
    SimClock clock = new SimClock();
    sim.clock(clock);
    sim.nextJobs(
        Lifecycle.timed()
            .queued(Duration.ofSeconds(10), 4)
            .running(Duration.ofSeconds(20), 0, 100)
            .withEta()
            .failed("gpu on fire"));
    String id = submit();

    assertThat(reads(id, 2)).containsExactly("queued queue_position=4", "queued queue_position=4");
    clock.advance(Duration.ofSeconds(5));
    assertThat(reads(id, 1)).containsExactly("queued queue_position=2");
    clock.advance(Duration.ofSeconds(5));
    assertThat(reads(id, 1)).containsExactly("running progress=0 eta=20");
    clock.advance(Duration.ofMillis(10_500));
    assertThat(reads(id, 1)).containsExactly("running progress=52 eta=10");
    clock.advance(Duration.ofSeconds(10));
    assertThat(reads(id, 2))
        .containsExactly("failed reason=gpu on fire", "failed reason=gpu on fire");
    assertThat(sim.requests().get(0).receivedAt()).isEqualTo(clock.instant().minusMillis(30_500));
  }

  @Test
  @DisplayName("the demo lifecycle takes a few seconds: queued, running with progress, succeeded")
  void defaultDemo() {
    Lifecycle demo = Lifecycle.defaultDemo();
    assertThat(demo.isTimed()).isTrue();
    assertThat(demo.phaseAt(Duration.ZERO)).isEqualTo(JobPhase.queued(2));
    assertThat(demo.phaseAt(Duration.ofMillis(600))).isEqualTo(JobPhase.queued(1));
    assertThat(demo.phaseAt(Duration.ofMillis(2500))).isEqualTo(JobPhase.running(50, 2));
    assertThat(demo.phaseAt(Duration.ofSeconds(4))).isEqualTo(JobPhase.succeeded());
  }

  @Test
  @DisplayName("cancel makes the next read CANCELLED for good; a finished job is not cancellable")
  void cancel() throws Exception {
    sim.nextJobs(
        Lifecycle.builder().queued(1).running(10, 20, 30).succeeded(),
        Lifecycle.immediateSuccess());
    String running = submit();
    String done = submit();
    reads(running, 2);
    reads(done, 1);

    assertThat(http.post(sim.baseUrl() + "/jobs/" + running + "/cancel", "", auth()).statusCode())
        .isEqualTo(200);
    assertThat(http.post(sim.baseUrl() + "/jobs/" + done + "/cancel", "", auth()).statusCode())
        .isEqualTo(409);

    assertThat(reads(running, 2)).containsExactly("cancelled", "cancelled");
    assertThat(reads(done, 1)).containsExactly("succeeded progress=100");
    assertThat(sim.job(running).cancelRequested()).isTrue();
    assertThat(sim.job(done).cancelRequested()).isTrue();
    assertThat(sim.job(running).cancel()).as("cancelling twice is fine").isTrue();
  }

  @Test
  @DisplayName("peek shows the last observed phase without advancing the script")
  void peekDoesNotAdvance() throws Exception {
    sim.nextJobs(Lifecycle.builder().queued(1, 5).running(40).succeeded());
    String id = submit();
    assertThat(sim.job(id).peek())
        .as("before any read: the first step")
        .isEqualTo(JobPhase.queued(5));
    reads(id, 2);
    for (int i = 0; i < 3; i++) {
      JsonNode result = json(http.get(sim.baseUrl() + "/jobs/" + id + "/result", auth()));
      assertThat(result.get("progress").asInt()).isEqualTo(40);
    }
    assertThat(reads(id, 1)).containsExactly("succeeded progress=100");
  }

  @Test
  @DisplayName("createJob with an existing id counts a second submit on the same job")
  void resubmitSameId() throws Exception {
    SimJob first = sim.createJobForTest("fixed", "a");
    SimJob again = sim.createJobForTest("fixed", "b");
    assertThat(again).isSameAs(first);
    assertThat(first.submitCount()).isEqualTo(2);
    assertThat(first.submittedBody()).isEqualTo("a");
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThat(sim.submitCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("reset forgets requests, jobs, faults and scripts but never reuses job ids")
  void reset() throws Exception {
    sim.nextJobs(Lifecycle.immediateSuccess(), Lifecycle.immediateSuccess());
    sim.defaultLifecycle(Lifecycle.builder().failed("x"));
    submit();
    sim.faults().on("submit").always(Fault.status(500, "x"));
    sim.reset();

    assertThat(sim.requests()).isEmpty();
    assertThat(sim.jobCount()).isZero();
    assertThat(sim.submitCount()).isZero();
    String id = submit();
    assertThat(id).isEqualTo("job-2");
    assertThat(reads(id, 1)).containsExactly("queued queue_position=1");
  }

  @Test
  @DisplayName("lifecycle builders reject nonsense with messages naming the argument")
  void builderChecks() {
    assertThatThrownBy(() -> Lifecycle.builder().running(101))
        .hasMessageContaining("progressPercents must be in 0..100");
    assertThatThrownBy(() -> Lifecycle.builder().queued(-1)).hasMessageContaining("reads");
    assertThatThrownBy(() -> Lifecycle.builder().running(1, 2).withEta(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Lifecycle.builder().phases(JobPhase.succeeded()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Lifecycle.timed().queued(Duration.ZERO))
        .hasMessageContaining("length must be positive");
    assertThatThrownBy(() -> Lifecycle.timed().withEta()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Lifecycle.builder().failed(null)).hasMessage("reason == null");
    assertThat(JobState.CANCELLED.isTerminal()).isTrue();
    assertThat(JobState.RUNNING.isTerminal()).isFalse();
    assertThat(Lifecycle.builder().queuedAt(7, null).cancelled().phaseAtRead(1))
        .isEqualTo(JobPhase.queued(null));
  }
}
