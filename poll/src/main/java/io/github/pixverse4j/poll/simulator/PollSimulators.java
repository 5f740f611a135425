package io.github.pixverse4j.poll.simulator;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.poll.PollProtocol;
import io.github.pixverse4j.simulator.JobState;
import io.github.pixverse4j.simulator.PollSimulator;
import java.util.Map;

/**
 * A {@link PollSimulator}'s settings from the {@link PollProtocol} of the provider it simulates, so
 * that paths, auth, the answer's pointers and the status values are written once: {@code
 * PollSimulators.settings(WaveSpeed.PROTOCOL).constant("/code", 200).validator(…).build()}.
 */
public final class PollSimulators {
  private PollSimulators() {}

  /**
   * Settings serving {@code protocol}: its paths (under the simulator's root), auth scheme or
   * header, task id, status, video URL (an array), progress, queue position, failure message and
   * moderation ({@code true}) pointers, the error message pointer, and for each state the first
   * status value the state table maps to it. Add the constant fields, id prefix and validation.
   */
  public static PollSimulator.Settings.Builder settings(PollProtocol protocol) {
    PollSimulator.Settings.Builder b =
        PollSimulator.Settings.builder(protocol.providerId())
            .submitPath("/" + protocol.submitPath())
            .statusPath("/" + protocol.statusPath())
            .taskId(protocol.taskIdField())
            .status(protocol.statusField())
            .videoUrls(protocol.videoUrlsField(), true)
            .errorMessage(protocol.errorMessageField());
    if (protocol.cancelPath() != null) b.cancelPath("/" + protocol.cancelPath());
    if (protocol.authHeader() != null) {
      b.authHeader(protocol.authHeader());
    } else {
      b.authScheme(protocol.authScheme());
    }
    if (protocol.progressField() != null) b.progress(protocol.progressField());
    if (protocol.queuePositionField() != null) b.queuePosition(protocol.queuePositionField());
    if (protocol.failureMessageField() != null) b.failureMessage(protocol.failureMessageField());
    if (protocol.moderationField() != null) b.moderation(protocol.moderationField(), true);
    java.util.Set<TaskState> seen = java.util.EnumSet.noneOf(TaskState.class);
    for (Map.Entry<String, TaskState> e : protocol.states().entrySet()) {
      if (seen.add(e.getValue())) b.statusValue(JobState.valueOf(e.getValue().name()), e.getKey());
    }
    return b;
  }
}
