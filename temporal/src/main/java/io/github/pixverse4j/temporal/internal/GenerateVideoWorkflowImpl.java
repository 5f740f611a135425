package io.github.pixverse4j.temporal.internal;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.internal.PollSchedule;
import io.github.pixverse4j.temporal.DownloadTarget;
import io.github.pixverse4j.temporal.FailureInfo;
import io.github.pixverse4j.temporal.GenerateVideoWorkflow;
import io.github.pixverse4j.temporal.StoredVideo;
import io.github.pixverse4j.temporal.TaskStatusView;
import io.github.pixverse4j.temporal.VideoActivities;
import io.github.pixverse4j.temporal.VideoFailureTypes;
import io.github.pixverse4j.temporal.VideoJob;
import io.github.pixverse4j.temporal.VideoJobResult;
import io.github.pixverse4j.temporal.VideoView;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;

/**
 * The workflow: the engine's submit rule and polling schedule ({@code VideoClient.generate}), with
 * workflow timers instead of scheduler timers and activities instead of HTTP calls.
 */
public final class GenerateVideoWorkflowImpl implements GenerateVideoWorkflow {
  private static final Logger log = Workflow.getLogger(GenerateVideoWorkflowImpl.class);

  private final WorkflowSettings settings;
  private TaskStatusView current;

  /** A callback said the task ended, and no read has consumed it yet. */
  private boolean endSignalled;

  public GenerateVideoWorkflowImpl(WorkflowSettings settings) {
    this.settings = settings;
  }

  @Override
  public void taskEnded() {
    endSignalled = true;
  }

  @Override
  public TaskStatusView status() {
    return current;
  }

  @Override
  public VideoJobResult generate(VideoJob job) {
    if (job == null || job.getProviderId() == null || job.getRequest() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The job needs a providerId and a request (build it with VideoJob.of(..)); nothing was"
              + " sent.",
          VideoFailureTypes.INVALID_REQUEST);
    }
    // Jitter from the workflow's own random: a replay on any worker plans the same timers.
    Random random = Workflow.newRandom();
    PollingPolicy policy = settings.policy;
    Duration deadline =
        job.getDeadlineSeconds() != null
            ? Duration.ofSeconds(job.getDeadlineSeconds())
            : policy.deadline();
    long deadlineAt = Workflow.currentTimeMillis() + deadline.toMillis();

    String token = submit(job, policy, random);
    TaskHandle handle = TaskHandle.parse(token);
    current =
        TaskStatusView.from(
            TaskStatus.builder().handle(handle).state(TaskState.QUEUED).observedAt(now()).build());
    try {
      boolean callbacks = Boolean.TRUE.equals(job.getCallbacks());
      TaskStatusView last = poll(token, policy, random, deadline, deadlineAt, callbacks);
      List<StoredVideo> stored = new ArrayList<>();
      DownloadTarget target = job.getDownload();
      if (target != null && last.getState() == TaskState.SUCCEEDED) {
        VideoActivities downloads = downloadActivities(policy);
        List<VideoView> videos = last.getVideos();
        for (int i = 0; i < videos.size(); i++) {
          // Several videos (multi-clip outputs) get numbered keys beside the one asked for.
          DownloadTarget t =
              i == 0
                  ? target
                  : DownloadTarget.of(target.getSink(), target.getKey() + "." + (i + 1));
          try {
            stored.add(downloads.download(token, videos.get(i), t));
          } catch (ActivityFailure e) {
            if (e.getCause() instanceof CanceledFailure) throw e;
            throw failure(e, token, last, "The video could not be stored in " + t);
          }
        }
      }
      return VideoJobResult.of(last, stored);
    } catch (CanceledFailure e) {
      cancelRemotely(token, policy);
      throw e;
    } catch (ActivityFailure e) {
      // An activity cut short by the workflow's cancellation.
      if (e.getCause() instanceof CanceledFailure) cancelRemotely(token, policy);
      throw e;
    }
  }

  private String submit(VideoJob job, PollingPolicy policy, Random random) {
    VideoActivities activities =
        Workflow.newActivityStub(
            VideoActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(settings.submitTimeout)
                // Temporal never repeats a submit on its own: a timed-out attempt may have created
                // a job.
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    int failures = 0;
    while (true) {
      String[] token = new String[1];
      try {
        // A submit once sent is seen through even if the workflow is cancelled meanwhile: its
        // handle is what lets the cancellation reach the provider.
        Workflow.newDetachedCancellationScope(
                () -> token[0] = activities.submit(job.getProviderId(), job.getRequest()))
            .run();
        return token[0];
      } catch (ActivityFailure e) {
        Throwable cause = e.getCause();
        FailureInfo info =
            cause instanceof ApplicationFailure ? info((ApplicationFailure) cause) : null;
        if (info != null) {
          ApplicationFailure app = (ApplicationFailure) cause;
          if (info.isSubmitProvablyNotAccepted() && failures < policy.maxSubmitRetries()) {
            failures++;
            Optional<Duration> retryAfter =
                Optional.ofNullable(info.getRetryAfterMillis()).map(Duration::ofMillis);
            Workflow.sleep(
                PollSchedule.retryDelay(policy, random::nextDouble, failures, retryAfter));
            continue;
          }
          throw ApplicationFailure.newNonRetryableFailure(
              app.getOriginalMessage(), app.getType(), info);
        }
        // No classified answer from the provider: a timeout (the worker stopped or hung), or the
        // activity died of something else after the request may have left.
        String why =
            cause instanceof TimeoutFailure
                ? "the submit activity timed out ("
                    + ((TimeoutFailure) cause).getTimeoutType()
                    + "), for example because its worker stopped"
                : "the submit activity ended without an answer ("
                    + (cause instanceof ApplicationFailure
                        ? ((ApplicationFailure) cause).getOriginalMessage()
                        : String.valueOf(cause))
                    + ")";
        FailureInfo unknown = new FailureInfo();
        unknown.setProviderId(job.getProviderId());
        unknown.setRequestMayHaveReachedServer(true);
        throw ApplicationFailure.newNonRetryableFailure(
            "The submit may have reached "
                + job.getProviderId()
                + " but "
                + why
                + ". A job may exist and may be billed, so it was not sent again: check the"
                + " provider's dashboard before submitting again.",
            VideoFailureTypes.SUBMIT_OUTCOME_UNKNOWN,
            unknown);
      }
    }
  }

  private TaskStatusView poll(
      String token,
      PollingPolicy policy,
      Random random,
      Duration deadline,
      long deadlineAt,
      boolean callbacks) {
    TaskStatusView lastView = current;
    PollSchedule schedule =
        new PollSchedule(policy, random::nextDouble, current.toStatus(), nowNanos());
    // With callbacks, the engine's schedule plans the safety-net polls (the same object as
    // VideoClient's, not a fork); the signal cuts a wait short.
    if (callbacks) schedule.expectCallbacks();
    Duration delay = schedule.firstPollDelay(policy.initialDelay());
    String lastFailure = null;
    while (true) {
      if (!waitBefore(delay, deadlineAt, callbacks))
        throw timeout(token, lastView, deadline, policy, schedule, lastFailure);
      TaskStatusView view;
      try {
        view = statusActivities(deadlineAt).status(token);
      } catch (ActivityFailure e) {
        if (e.getCause() instanceof CanceledFailure) throw e;
        if (Workflow.currentTimeMillis() >= deadlineAt) {
          throw timeout(token, lastView, deadline, policy, schedule, lastFailure);
        }
        if (!isTransient(e))
          throw failure(e, token, lastView, "The task's status could no longer be read");
        // VideoClient's rule, from the same schedule: a read that failed transiently is tried again
        // after the retry delay, however many times in a row, until the deadline.
        lastFailure = describe(e);
        delay = schedule.failed(lastFailure, retryAfter(e), nowNanos());
        continue;
      }
      TaskStatus s = view.toStatus();
      schedule.answered(s, nowNanos());
      lastFailure = null;
      lastView = view;
      current = view;
      if (s.isTerminal()) return view;
      delay = schedule.nextPollDelay(nowNanos());
    }
  }

  /**
   * Whether a failed status activity is worth another read: the engine's {@code
   * Failures.isTransient}, as the activity reported it (a retryable {@code ApplicationFailure} with
   * its {@link FailureInfo}), or an activity that timed out because its worker stopped or hung.
   */
  private static boolean isTransient(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof TimeoutFailure) return true;
    if (!(cause instanceof ApplicationFailure)) return false;
    ApplicationFailure app = (ApplicationFailure) cause;
    return !app.isNonRetryable() && info(app) != null;
  }

  private static Optional<Duration> retryAfter(ActivityFailure e) {
    Throwable cause = e.getCause();
    FailureInfo info =
        cause instanceof ApplicationFailure ? info((ApplicationFailure) cause) : null;
    return info == null
        ? Optional.empty()
        : Optional.ofNullable(info.getRetryAfterMillis()).map(Duration::ofMillis);
  }

  /** One line on a failed activity: the pixverse4j exception's type and message, or the timeout. */
  private static String describe(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure) {
      ApplicationFailure app = (ApplicationFailure) cause;
      return app.getType() + ": " + app.getOriginalMessage();
    }
    if (cause instanceof TimeoutFailure)
      return "the status activity timed out (" + ((TimeoutFailure) cause).getTimeoutType() + ")";
    return String.valueOf(cause);
  }

  /** Workflow time in the nanoseconds of {@link PollSchedule}'s clock. */
  private static long nowNanos() {
    return Workflow.currentTimeMillis() * 1_000_000L;
  }

  /**
   * {@link #sleepBefore}, or, with callbacks, until the end is signalled if that comes first (the
   * signal is consumed). Without callbacks it is {@code sleepBefore} itself, so histories recorded
   * before issue 28 replay unchanged.
   */
  private boolean waitBefore(Duration delay, long deadlineAt, boolean callbacks) {
    if (!callbacks) return sleepBefore(delay, deadlineAt);
    long left = deadlineAt - Workflow.currentTimeMillis();
    if (left <= 0) return false;
    if (!endSignalled) {
      boolean signalled =
          Workflow.await(
              delay.toMillis() >= left ? Duration.ofMillis(left) : delay, () -> endSignalled);
      if (!signalled && delay.toMillis() >= left) return false;
    }
    endSignalled = false;
    return true;
  }

  /**
   * Sleeps {@code delay}, or until the deadline if that comes first; false when the deadline came.
   */
  private static boolean sleepBefore(Duration delay, long deadlineAt) {
    long left = deadlineAt - Workflow.currentTimeMillis();
    if (left <= 0) return false;
    if (delay.toMillis() >= left) {
      Workflow.sleep(Duration.ofMillis(left));
      return false;
    }
    Workflow.sleep(delay);
    return true;
  }

  private ApplicationFailure timeout(
      String token,
      TaskStatusView lastSeen,
      Duration deadline,
      PollingPolicy policy,
      PollSchedule schedule,
      String lastFailure) {
    if (policy.cancelOnDeadline()) cancelRemotely(token, policy);
    FailureInfo info = new FailureInfo();
    info.setProviderId(TaskHandle.parse(token).providerId());
    info.setHandleToken(token);
    info.setLastStatus(lastSeen);
    String outage =
        lastFailure == null
            ? ""
            : "; the provider had not answered for "
                + DurationText.of(Duration.ofNanos(nowNanos() - schedule.failingSinceNanos()))
                + " ("
                + schedule.consecutiveFailures()
                + " failed reads, last: "
                + lastFailure
                + ")";
    return ApplicationFailure.newNonRetryableFailure(
        "The task did not finish within the workflow's deadline of "
            + DurationText.of(deadline)
            + "; it was last seen "
            + lastSeen.getState()
            + outage
            + ". It may still finish: watch its handle "
            + token
            + " again later.",
        VideoFailureTypes.TASK_TIMEOUT,
        info);
  }

  private static ApplicationFailure failure(
      ActivityFailure e, String token, TaskStatusView lastSeen, String what) {
    Throwable cause = e.getCause();
    FailureInfo info =
        cause instanceof ApplicationFailure ? info((ApplicationFailure) cause) : null;
    if (info == null) info = new FailureInfo();
    info.setProviderId(TaskHandle.parse(token).providerId());
    info.setHandleToken(token);
    info.setLastStatus(lastSeen);
    String type =
        cause instanceof ApplicationFailure
            ? ((ApplicationFailure) cause).getType()
            : VideoFailureTypes.STATUS_UNAVAILABLE;
    String message =
        cause instanceof ApplicationFailure
            ? ((ApplicationFailure) cause).getOriginalMessage()
            : String.valueOf(cause);
    return ApplicationFailure.newNonRetryableFailure(
        what
            + " ("
            + message
            + "). The task may still finish, or have finished: watch its handle "
            + token
            + " again later.",
        type,
        info);
  }

  private void cancelRemotely(String token, PollingPolicy policy) {
    VideoActivities activities =
        Workflow.newActivityStub(
            VideoActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(settings.statusTimeout)
                .setScheduleToCloseTimeout(policy.deadline().plus(settings.statusTimeout))
                .setRetryOptions(retries(policy))
                .build());
    // Detached: the workflow's own scope is already cancelled, and this call must still go out.
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                if (!activities.cancel(token)) {
                  log.info(
                      "{} cannot cancel tasks; {} runs to its end",
                      TaskHandle.parse(token).providerId(),
                      token);
                }
              } catch (ActivityFailure e) {
                log.warn("Cancelling {} at the provider failed: {}", token, e.getCause());
              }
            })
        .run();
  }

  private VideoActivities statusActivities(long deadlineAt) {
    long left = Math.max(1000, deadlineAt - Workflow.currentTimeMillis());
    return Workflow.newActivityStub(
        VideoActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(settings.statusTimeout)
            // A hung read ends at the deadline at the latest.
            .setScheduleToCloseTimeout(Duration.ofMillis(left))
            // One attempt: the workflow retries a failed read itself, with the engine's
            // PollSchedule.
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  private VideoActivities downloadActivities(PollingPolicy policy) {
    return Workflow.newActivityStub(
        VideoActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(settings.downloadTimeout)
            .setScheduleToCloseTimeout(policy.deadline().plus(settings.downloadTimeout))
            .setRetryOptions(retries(policy))
            .build());
  }

  /**
   * VideoClient's rule for a cancel or a download, whose retries Temporal runs: the policy's first
   * delay doubling to its cap, attempts started until the policy's deadline (the activity's
   * schedule-to-close timeout: the deadline plus one attempt's time), however many; {@code
   * maxSubmitRetries} bounds submit resends only, as in the client.
   */
  private static RetryOptions retries(PollingPolicy policy) {
    return RetryOptions.newBuilder()
        .setInitialInterval(
            policy.retryDelay().isZero() ? Duration.ofMillis(1) : policy.retryDelay())
        .setBackoffCoefficient(2)
        .setMaximumInterval(
            policy.maxRetryDelay().compareTo(policy.retryDelay()) < 0
                ? policy.retryDelay()
                : policy.maxRetryDelay())
        .setMaximumAttempts(0)
        .build();
  }

  private static FailureInfo info(ApplicationFailure app) {
    try {
      return app.getDetails().getSize() == 0 ? null : app.getDetails().get(FailureInfo.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
