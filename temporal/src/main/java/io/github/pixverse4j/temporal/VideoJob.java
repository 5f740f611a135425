package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;

/**
 * The input of {@link GenerateVideoWorkflow}: which provider, what to generate, and optionally
 * where to store the video. Everything here is written to workflow history, so it holds no API key
 * (workers read keys from their own environment) and at most a small inline image.
 */
public final class VideoJob {
  private String providerId;
  private VideoRequest request;
  private Long deadlineSeconds;
  private Boolean callbacks;
  private DownloadTarget download;

  /** For the JSON converter; use {@link #of(String, ImageToVideoRequest)}. */
  public VideoJob() {}

  /**
   * A job for the worker's client of provider {@code providerId} (such as {@code "gmi"}).
   *
   * @throws IllegalArgumentException as {@link VideoRequest#from(ImageToVideoRequest)} does, before
   *     anything starts
   */
  public static VideoJob of(String providerId, ImageToVideoRequest request) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    VideoJob job = new VideoJob();
    job.providerId = providerId;
    job.request = VideoRequest.from(request);
    return job;
  }

  /**
   * A job that extends a video with the worker's client of provider {@code providerId} (only a
   * provider whose capabilities say it extends: {@code pixverse}); the submit activity calls {@code
   * VideoClient.submit(ExtendVideoRequest)}, with the same one-submit rules as a generate.
   *
   * @throws IllegalArgumentException as {@link VideoRequest#from(ExtendVideoRequest)} does (a local
   *     file or bytes), before anything starts
   */
  public static VideoJob extend(String providerId, ExtendVideoRequest request) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    VideoJob job = new VideoJob();
    job.providerId = providerId;
    job.request = VideoRequest.from(request);
    return job;
  }

  /**
   * Gives up polling (and fails with {@code TaskTimeoutException}) this long after the workflow
   * started; by default the workers' {@code PollingPolicy.deadline()} (20 minutes unless set).
   */
  public VideoJob withDeadlineSeconds(long seconds) {
    if (seconds <= 0)
      throw new IllegalArgumentException("deadlineSeconds must be positive, got " + seconds);
    this.deadlineSeconds = seconds;
    return this;
  }

  /**
   * Downloads the video, once the task succeeded, into the worker's sink {@code sink} under {@code
   * key}.
   */
  public VideoJob withDownload(String sink, String key) {
    this.download = DownloadTarget.of(sink, key);
    return this;
  }

  /**
   * Expects a callback (webhook) to report the task's end: polls drop to the workers' {@code
   * PollingPolicy.webhookSafetyNet()} (60 s unless set), and the workflow reads the status as soon
   * as it is signalled ({@link VideoWorkflows#signalTaskEnded}). The workers' client must ask the
   * provider for callbacks (such as {@code PixVerse.builder().webhook(..)}), and your receiver must
   * signal the workflow; a lost signal costs at most the safety-net interval.
   */
  public VideoJob withCallbacks() {
    this.callbacks = Boolean.TRUE;
    return this;
  }

  /** Whether a callback is expected ({@link #withCallbacks()}); {@code null} means no. */
  public Boolean getCallbacks() {
    return callbacks;
  }

  public void setCallbacks(Boolean callbacks) {
    this.callbacks = callbacks;
  }

  /** The provider id of the worker's {@code VideoClient} to use. */
  public String getProviderId() {
    return providerId;
  }

  public void setProviderId(String providerId) {
    this.providerId = providerId;
  }

  public VideoRequest getRequest() {
    return request;
  }

  public void setRequest(VideoRequest request) {
    this.request = request;
  }

  /** Seconds from the workflow's start; {@code null} for the workers' policy deadline. */
  public Long getDeadlineSeconds() {
    return deadlineSeconds;
  }

  public void setDeadlineSeconds(Long deadlineSeconds) {
    this.deadlineSeconds = deadlineSeconds;
  }

  /** Where to store the video; {@code null} for no download. */
  public DownloadTarget getDownload() {
    return download;
  }

  public void setDownload(DownloadTarget download) {
    this.download = download;
  }

  @Override
  public String toString() {
    return "VideoJob{"
        + providerId
        + ", "
        + request
        + (download == null ? "" : ", download=" + download)
        + "}";
  }
}
