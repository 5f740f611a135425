package io.github.pixverse4j.fake;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.Video;
import java.time.Instant;
import java.util.Optional;

/**
 * One call the fake received, in the order received: what, when (scheduler time), and with what.
 */
public final class FakeCall {
  /** The operations a {@link FakeProvider} records and can fail. */
  public enum Operation {
    SUBMIT,
    /**
     * An {@linkplain FakeProvider#extend extend}'s submit: scripted and failed like {@link
     * #SUBMIT}.
     */
    EXTEND,
    STATUS,
    CANCEL,
    DOWNLOAD
  }

  private final Operation operation;
  private final Instant at;
  private final ImageToVideoRequest request;
  private final ExtendVideoRequest extendRequest;
  private final TaskHandle handle;
  private final Video video;
  private final FakeFault fault;

  FakeCall(
      Operation operation,
      Instant at,
      ImageToVideoRequest request,
      TaskHandle handle,
      Video video,
      FakeFault fault) {
    this(operation, at, request, null, handle, video, fault);
  }

  FakeCall(
      Operation operation,
      Instant at,
      ImageToVideoRequest request,
      ExtendVideoRequest extendRequest,
      TaskHandle handle,
      Video video,
      FakeFault fault) {
    this.operation = operation;
    this.at = at;
    this.request = request;
    this.extendRequest = extendRequest;
    this.handle = handle;
    this.video = video;
    this.fault = fault;
  }

  public Operation operation() {
    return operation;
  }

  /** When the call arrived, on the fake's scheduler. */
  public Instant at() {
    return at;
  }

  /** The request, for a {@link Operation#SUBMIT}. */
  public Optional<ImageToVideoRequest> request() {
    return Optional.ofNullable(request);
  }

  /** The request, for an {@link Operation#EXTEND}. */
  public Optional<ExtendVideoRequest> extendRequest() {
    return Optional.ofNullable(extendRequest);
  }

  /** The task, for {@link Operation#STATUS} and {@link Operation#CANCEL}. */
  public Optional<TaskHandle> handle() {
    return Optional.ofNullable(handle);
  }

  /** The video, for a {@link Operation#DOWNLOAD}. */
  public Optional<Video> video() {
    return Optional.ofNullable(video);
  }

  /** The scripted fault this call met, if any. */
  public Optional<FakeFault> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public String toString() {
    return operation
        + "@"
        + at
        + (handle != null ? " " + handle.taskId() : "")
        + (video != null ? " " + video.url() : "")
        + (fault != null ? " -> " + fault : "");
  }
}
