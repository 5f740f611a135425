package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("GenerateVideoWorkflow runs a task from submit to stored video")
class GenerateVideoWorkflowLifecycleTest {
  @TempDir Path videos;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Endpoint.class)
  @DisplayName(
      "submits once, polls on workflow timers from the PollingPolicy, and stores the video in the"
          + " sink")
  void fullLifecycle(Endpoint endpoint) throws Exception {
    try (ProviderSimulator sim = endpoint.startSimulator(Fleet.KEY);
        Fleet fleet = new Fleet()) {
      sim.nextJobs(Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded());
      fleet
          .register(
              VideoWorker.builder()
                  .provider(endpoint.builderFor(sim))
                  .sink("videos", VideoSink.directory(videos))
                  .build())
          .start();

      WorkflowStub run =
          fleet.start(
              "order-" + endpoint.providerId,
              VideoJob.of(endpoint.providerId, Fleet.request())
                  .withDownload("videos", "out/" + endpoint.providerId + ".mp4"));
      VideoJobResult result = run.getResult(VideoJobResult.class);

      assertThat(result.state()).as("terminal state").isEqualTo(TaskState.SUCCEEDED);
      TaskHandle handle = TaskHandle.parse(result.getHandleToken());
      assertThat(handle.providerId()).isEqualTo(endpoint.providerId);
      assertThat(result.videos()).isNotEmpty();
      assertThat(result.getStored()).hasSize(1);
      Path stored = videos.resolve("out/" + endpoint.providerId + ".mp4");
      assertThat(Files.readAllBytes(stored))
          .as("the stored video is the simulator's MP4")
          .isEqualTo(sim.mediaBytes());
      assertThat(result.getStored().get(0).getSizeBytes()).isEqualTo(sim.mediaBytes().length);

      assertThat(sim.submitCount()).as("jobs submitted").isEqualTo(1);
      assertThat(sim.jobs().get(0).reads())
          .as("status reads: 2 queued, 3 running, 1 succeeded")
          .isEqualTo(6);
      assertThat(sim.requests("media")).noneMatch(RecordedRequest::credentialsSent);
      assertThat(sim.handlerFailures()).isEmpty();

      TaskStatusView queried = run.query("status", TaskStatusView.class);
      assertThat(queried.getState()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(queried.getHandleToken()).isEqualTo(result.getHandleToken());

      WorkflowExecutionHistory history =
          fleet.client().fetchHistory("order-" + endpoint.providerId);
      assertThat(history.toJson(false)).as("workflow history").doesNotContain(Fleet.KEY);
      List<Duration> timers =
          history.getEvents().stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED)
              .map(GenerateVideoWorkflowLifecycleTest::timerDuration)
              .collect(Collectors.toList());
      PollingPolicy defaults = PollingPolicy.defaults();
      assertThat(timers).as("one workflow timer before each of the 6 status reads").hasSize(6);
      assertThat(timers.get(0))
          .as("first poll after the policy's initial delay")
          .isEqualTo(defaults.initialDelay());
      // Later delays are planned from each status (queue position, progress, interval), +-3 %
      // jitter.
      long min = (long) (defaults.minInterval().toMillis() * (1 - defaults.jitter()));
      long max =
          (long) (defaults.tuning().maxHintedInterval().toMillis() * (1 + defaults.jitter()));
      assertThat(timers.subList(1, timers.size()))
          .allSatisfy(t -> assertThat(t.toMillis()).as("a planned delay").isBetween(min, max));
    }
  }

  static Duration timerDuration(HistoryEvent e) {
    com.google.protobuf.Duration d = e.getTimerStartedEventAttributes().getStartToFireTimeout();
    return Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }
}
