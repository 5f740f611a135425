package io.github.pixverse4j.temporal.internal;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.temporal.DownloadTarget;
import io.github.pixverse4j.temporal.FailureInfo;
import io.github.pixverse4j.temporal.StoredVideo;
import io.github.pixverse4j.temporal.TaskStatusView;
import io.github.pixverse4j.temporal.VideoActivities;
import io.github.pixverse4j.temporal.VideoFailureTypes;
import io.github.pixverse4j.temporal.VideoRequest;
import io.github.pixverse4j.temporal.VideoSink;
import io.github.pixverse4j.temporal.VideoView;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The activities, carried out with the worker's clients and sinks. */
public final class VideoActivitiesImpl implements VideoActivities {
  private final Map<String, VideoClient> clients;
  private final Map<String, VideoSink> sinks;
  private final Path stagingDirectory;
  private final Duration maxRetryAfter;

  public VideoActivitiesImpl(
      Map<String, VideoClient> clients,
      Map<String, VideoSink> sinks,
      Path stagingDirectory,
      Duration maxRetryAfter) {
    this.clients = clients;
    this.sinks = sinks;
    this.stagingDirectory = stagingDirectory;
    this.maxRetryAfter = maxRetryAfter;
  }

  @Override
  public String submit(String providerId, VideoRequest request) {
    VideoClient client = client(providerId);
    ImageToVideoRequest generate = null;
    ExtendVideoRequest extend = null;
    try {
      if (request.extendsVideo()) {
        extend = request.toExtendRequest();
      } else {
        generate = request.toRequest();
      }
    } catch (RuntimeException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The job's request cannot be read (nothing was sent): " + e.getMessage(),
          VideoFailureTypes.INVALID_REQUEST,
          FailureInfo.nothingSent(providerId));
    }
    try {
      // An extend goes through the same VideoClient pipeline (validation, one submit) as a
      // generate.
      return (extend != null ? client.submit(extend) : client.submit(generate))
          .blockingGet()
          .token();
    } catch (VideoApiException e) {
      // Never retried by Temporal: the workflow decides, from FailureInfo, whether sending it
      // again is safe, and a timeout of this activity counts as an unknown outcome.
      throw failure(e, false);
    }
  }

  @Override
  public TaskStatusView status(String handleToken) {
    TaskHandle handle = TaskHandle.parse(handleToken);
    try {
      return TaskStatusView.from(client(handle.providerId()).status(handle).blockingGet());
    } catch (VideoApiException e) {
      throw failure(e, Failures.isTransient(e));
    }
  }

  @Override
  public boolean cancel(String handleToken) {
    TaskHandle handle = TaskHandle.parse(handleToken);
    VideoClient client = client(handle.providerId());
    if (!client.capabilities().supportsCancel()) return false;
    try {
      client.cancel(handle).blockingAwait();
      return true;
    } catch (VideoApiException e) {
      throw failure(e, Failures.isTransient(e));
    }
  }

  @Override
  public StoredVideo download(String handleToken, VideoView video, DownloadTarget target) {
    TaskHandle handle = TaskHandle.parse(handleToken);
    VideoClient client = client(handle.providerId());
    VideoSink sink = sinks.get(target.getSink());
    if (sink == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "This worker has no download sink named '"
              + target.getSink()
              + "' (it has "
              + sinks.keySet()
              + "): register it with VideoWorker.Builder.sink(..).",
          VideoFailureTypes.UNKNOWN_SINK);
    }
    ActivityExecutionContext context = Activity.getExecutionContext();
    Path file = null;
    try {
      Files.createDirectories(stagingDirectory);
      file = Files.createTempFile(stagingDirectory, "pixverse4j-", ".video");
      // Heartbeats let a cancellation reach a long download.
      client.download(video.toVideo(), file).blockingForEach(p -> context.heartbeat(p.bytesRead()));
      long size = Files.size(file);
      sink.store(target.getKey(), file, video.getContentType());
      return StoredVideo.of(target.getSink(), target.getKey(), size);
    } catch (VideoApiException e) {
      throw failure(e, Failures.isTransient(e));
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "IllegalArgumentException");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // A leftover temporary file is harmless; the result is what matters.
        }
      }
    }
  }

  private VideoClient client(String providerId) {
    VideoClient client = clients.get(providerId);
    if (client == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "This worker has no client for provider '"
              + providerId
              + "' (it has "
              + clients.keySet()
              + "); nothing was sent. Configure it on every worker of the task queue.",
          VideoFailureTypes.UNKNOWN_PROVIDER,
          FailureInfo.nothingSent(providerId));
    }
    return client;
  }

  private ApplicationFailure failure(VideoApiException e, boolean retryable) {
    FailureInfo info = FailureInfo.from(e);
    ApplicationFailure.Builder b =
        ApplicationFailure.newBuilder()
            .setType(e.getClass().getSimpleName())
            .setMessage(e.getMessage())
            .setDetails(info)
            .setNonRetryable(!retryable);
    if (retryable && info.getRetryAfterMillis() != null) {
      Duration asked = Duration.ofMillis(info.getRetryAfterMillis());
      b.setNextRetryDelay(asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked);
    }
    return b.build();
  }
}
