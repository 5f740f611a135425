package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.TaskState;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link GenerateVideoWorkflow} returns once the task ended: its handle token, the terminal
 * status (SUCCEEDED with videos, or FAILED / CANCELLED at the provider, which are results, not
 * workflow failures, as with {@code VideoClient.generate}), and what the download stored.
 */
public final class VideoJobResult {
  private String handleToken;
  private TaskStatusView finalStatus;
  private List<StoredVideo> stored = new ArrayList<>();

  /** For the JSON converter. */
  public VideoJobResult() {}

  public static VideoJobResult of(TaskStatusView finalStatus, List<StoredVideo> stored) {
    VideoJobResult r = new VideoJobResult();
    r.handleToken = finalStatus.getHandleToken();
    r.finalStatus = finalStatus;
    r.stored = new ArrayList<>(stored);
    return r;
  }

  /** {@code TaskHandle.parse(token)} gives the handle for {@code VideoClient.watch/status}. */
  public String getHandleToken() {
    return handleToken;
  }

  public void setHandleToken(String handleToken) {
    this.handleToken = handleToken;
  }

  public TaskStatusView getFinalStatus() {
    return finalStatus;
  }

  public void setFinalStatus(TaskStatusView finalStatus) {
    this.finalStatus = finalStatus;
  }

  /** Empty unless the job asked for a download and the task succeeded. */
  public List<StoredVideo> getStored() {
    return stored;
  }

  public void setStored(List<StoredVideo> stored) {
    this.stored = stored == null ? new ArrayList<>() : stored;
  }

  /** The terminal state, a shorthand for {@code getFinalStatus().getState()}. */
  public TaskState state() {
    return finalStatus.getState();
  }

  /** The videos, empty unless SUCCEEDED. */
  public List<VideoView> videos() {
    return finalStatus.getVideos();
  }

  @Override
  public String toString() {
    return "VideoJobResult{" + finalStatus + ", stored=" + stored + "}";
  }
}
