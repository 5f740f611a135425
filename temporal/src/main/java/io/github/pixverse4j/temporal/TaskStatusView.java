package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TaskStatus} as plain JSON: what the status query answers and what workflow history
 * stores. {@link #toStatus()} gives the public model type back.
 */
public final class TaskStatusView {
  private String handleToken;
  private TaskState state;
  private Integer queuePosition;
  private Integer progressPercent;
  private Long estimatedMillisRemaining;
  private List<VideoView> videos = new ArrayList<>();
  private FailureCategory failureCategory;
  private String failureCode;
  private String failureMessage;
  private String rawStatus;
  private long observedAtEpochMillis;

  /** For the JSON converter. */
  public TaskStatusView() {}

  public static TaskStatusView from(TaskStatus s) {
    TaskStatusView v = new TaskStatusView();
    v.handleToken = s.handle().token();
    v.state = s.state();
    v.queuePosition = s.queuePosition().orElse(null);
    v.progressPercent = s.progressPercent().orElse(null);
    v.estimatedMillisRemaining = s.estimatedTimeRemaining().map(Duration::toMillis).orElse(null);
    for (io.github.pixverse4j.api.Video video : s.videos()) v.videos.add(VideoView.from(video));
    if (s.failure().isPresent()) {
      TaskFailure f = s.failure().get();
      v.failureCategory = f.category();
      v.failureCode = f.providerCode().orElse(null);
      v.failureMessage = f.message();
    }
    v.rawStatus = s.rawStatus().orElse(null);
    v.observedAtEpochMillis = s.observedAt().toEpochMilli();
    return v;
  }

  public TaskStatus toStatus() {
    TaskStatus.Builder b =
        TaskStatus.builder()
            .handle(TaskHandle.parse(handleToken))
            .state(state)
            .observedAt(Instant.ofEpochMilli(observedAtEpochMillis));
    if (queuePosition != null) b.queuePosition(queuePosition);
    if (progressPercent != null) b.progressPercent(progressPercent);
    if (estimatedMillisRemaining != null)
      b.estimatedTimeRemaining(Duration.ofMillis(estimatedMillisRemaining));
    for (VideoView video : videos) b.addVideos(video.toVideo());
    if (failureCategory != null) {
      TaskFailure.Builder f =
          TaskFailure.builder()
              .category(failureCategory)
              .message(failureMessage == null ? "" : failureMessage);
      if (failureCode != null) f.providerCode(failureCode);
      b.failure(f.build());
    }
    if (rawStatus != null) b.rawStatus(rawStatus);
    return b.build();
  }

  /**
   * The task's {@link TaskHandle#token()}; {@code TaskHandle.parse} turns it back into a handle.
   */
  public String getHandleToken() {
    return handleToken;
  }

  public void setHandleToken(String handleToken) {
    this.handleToken = handleToken;
  }

  public TaskState getState() {
    return state;
  }

  public void setState(TaskState state) {
    this.state = state;
  }

  public Integer getQueuePosition() {
    return queuePosition;
  }

  public void setQueuePosition(Integer queuePosition) {
    this.queuePosition = queuePosition;
  }

  /** 0 to 100. */
  public Integer getProgressPercent() {
    return progressPercent;
  }

  public void setProgressPercent(Integer progressPercent) {
    this.progressPercent = progressPercent;
  }

  public Long getEstimatedMillisRemaining() {
    return estimatedMillisRemaining;
  }

  public void setEstimatedMillisRemaining(Long estimatedMillisRemaining) {
    this.estimatedMillisRemaining = estimatedMillisRemaining;
  }

  /** Non-empty exactly when the state is SUCCEEDED. */
  public List<VideoView> getVideos() {
    return videos;
  }

  public void setVideos(List<VideoView> videos) {
    this.videos = videos == null ? new ArrayList<>() : videos;
  }

  public FailureCategory getFailureCategory() {
    return failureCategory;
  }

  public void setFailureCategory(FailureCategory failureCategory) {
    this.failureCategory = failureCategory;
  }

  public String getFailureCode() {
    return failureCode;
  }

  public void setFailureCode(String failureCode) {
    this.failureCode = failureCode;
  }

  public String getFailureMessage() {
    return failureMessage;
  }

  public void setFailureMessage(String failureMessage) {
    this.failureMessage = failureMessage;
  }

  public String getRawStatus() {
    return rawStatus;
  }

  public void setRawStatus(String rawStatus) {
    this.rawStatus = rawStatus;
  }

  public long getObservedAtEpochMillis() {
    return observedAtEpochMillis;
  }

  public void setObservedAtEpochMillis(long observedAtEpochMillis) {
    this.observedAtEpochMillis = observedAtEpochMillis;
  }

  @Override
  public String toString() {
    return "TaskStatusView{"
        + state
        + (progressPercent == null ? "" : " " + progressPercent + "%")
        + ", "
        + handleToken
        + "}";
  }
}
