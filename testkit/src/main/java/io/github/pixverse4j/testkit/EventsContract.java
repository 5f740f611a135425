package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoEventListener;
import io.github.pixverse4j.client.VideoOperation;
import io.github.pixverse4j.simulator.Lifecycle;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The event listener group of {@link VideoProviderContract} ({@code Events}): a recording {@link
 * VideoEventListener} on the provider's client hears the submit, the reads and the end of a task,
 * in order. Kept apart from the contract's own file so that it grows without touching the others.
 */
final class EventsContract {
  private EventsContract() {}

  /** Every event of one client as a line, and the operations they belonged to. */
  static final class Recorder extends VideoEventListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<VideoOperation> operations = Collections.synchronizedList(new ArrayList<>());

    private void add(VideoOperation op, String event) {
      synchronized (operations) {
        if (!operations.contains(op)) operations.add(op);
      }
      events.add(event);
    }

    @Override
    public void operationStart(VideoOperation op) {
      add(op, "start " + op.kind());
    }

    @Override
    public void submitStart(VideoOperation op, int attempt) {
      add(op, "submit");
    }

    @Override
    public void submitAccepted(VideoOperation op, TaskHandle handle, Duration took) {
      add(op, "accepted");
    }

    @Override
    public void submitRefused(VideoOperation op, Throwable error) {
      add(op, "refused " + error);
    }

    @Override
    public void submitOutcomeUnknown(VideoOperation op, SubmitOutcomeUnknownException error) {
      add(op, "outcome unknown " + error);
    }

    @Override
    public void statusRead(VideoOperation op, TaskStatus status, Duration took) {
      add(op, "read " + status.state());
    }

    @Override
    public void statusReadFailed(VideoOperation op, Throwable error, Duration took) {
      add(op, "read failed " + error);
    }

    @Override
    public void stateChanged(VideoOperation op, TaskStatus status) {
      add(op, "state " + status.state());
    }

    @Override
    public void terminal(VideoOperation op, TaskStatus status) {
      add(op, "terminal " + status.state());
    }

    @Override
    public void operationEnd(VideoOperation op) {
      add(op, "end");
    }

    @Override
    public void operationFailed(VideoOperation op, Throwable error) {
      add(op, "failed " + error);
    }

    @Override
    public void operationCanceled(VideoOperation op) {
      add(op, "canceled");
    }
  }

  /** See {@code VideoProviderContract.Events#inOrder}. */
  static void submitReadsAndEndInOrder(VideoProviderContract contract) {
    Recorder recorder = new Recorder();
    contract.simulator.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
    TestObserver<TaskStatus> obs =
        contract.runToEnd(
            contract.client.withEventListener(op -> recorder).generate(contract.validRequest()));
    obs.assertComplete();
    String hint =
        "\n  events: "
            + recorder.events
            + "\n  If this fails, check that the provider's client is a VideoClient from"
            + " ClientModule or VideoClient.withEventListener (listeners are the client's, not the"
            + " provider's), and that the provider's status() answers once per read.";

    // Reads and repeated states vary with timing; the shape does not.
    List<String> shape = new ArrayList<>();
    for (String e : recorder.events) {
      if (e.startsWith("read ")) {
        if (!shape.isEmpty() && shape.get(shape.size() - 1).equals("read")) continue;
        shape.add("read");
      } else {
        shape.add(e);
      }
    }
    assertThat(shape)
        .as("the events of a generate, reads folded%s", hint)
        .containsExactly(
            "start GENERATE",
            "submit",
            "accepted",
            "state QUEUED",
            "read",
            "state RUNNING",
            "read",
            "state SUCCEEDED",
            "terminal SUCCEEDED",
            "end");
    List<String> reads =
        recorder.events.stream().filter(e -> e.startsWith("read ")).collect(Collectors.toList());
    assertThat(reads.get(reads.size() - 1))
        .as("the last read is the one that saw the end%s", hint)
        .isEqualTo("read SUCCEEDED");
    assertThat(reads.size())
        .as("reads heard, against the status requests the simulator received%s", hint)
        .isLessThanOrEqualTo(contract.simulator.requestCount("status"));

    assertThat(recorder.operations).as("operations heard%s", hint).hasSize(1);
    VideoOperation op = recorder.operations.get(0);
    TaskStatus first = obs.values().get(0);
    assertThat(op.providerId()).as("operation's provider").isEqualTo(contract.client.providerId());
    assertThat(op.model())
        .as("operation's model")
        .isEqualTo(contract.client.capabilities().model());
    assertThat(op.handle()).as("operation's handle").contains(first.handle());
  }
}
