package io.github.pixverse4j.client;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskAlreadyEndedException;
import io.github.pixverse4j.api.TaskFailedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.internal.CallbackHub;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.client.internal.Retrying;
import io.github.pixverse4j.client.internal.TaskWatcher;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.github.pixverse4j.client.provider.TaskEndedBeforeCancelException;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.CompositeDisposable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Generates videos with one provider: validates, submits, polls and downloads. Thread-safe; build
 * one per provider and share it.
 *
 * <p>Every method is lazy: nothing is sent until you subscribe, and each subscription does the work
 * once more. Disposing stops all polling at once.
 */
public final class VideoClient {
  /** Downloads a video to a file; implemented by the HTTP layer. */
  public interface Downloader {
    Observable<DownloadProgress> download(Video video, Path target);

    /**
     * Like {@link #download(Video, Path)}; when the media host refuses the URL, {@code freshVideo}
     * may be subscribed to once for a fresh one. The default ignores it.
     */
    default Observable<DownloadProgress> download(
        Video video, Path target, Single<Video> freshVideo) {
      return download(video, target);
    }

    /**
     * Like {@link #download(Video, Path, Single)}, telling {@code retries} (may be {@code null}) of
     * each retry; its type is not API. The default ignores it.
     */
    default Observable<DownloadProgress> download(
        Video video, Path target, Single<Video> freshVideo, Retrying.Listener retries) {
      return download(video, target, freshVideo);
    }
  }

  private final VideoProvider provider;
  private final PollingPolicy policy;
  private final Scheduler scheduler;
  private final Downloader downloader;

  /** Null when no journal was given: then nothing is recorded. */
  private final Journaling journaling;

  /** The base URL the provider talks to, recorded with each submit; null when unknown. */
  private final String endpoint;

  /** Null when no event listener was registered: then no event is made. */
  private final TaskEvents.Registry listeners;

  /**
   * Joins callbacks to the watchers of this client and its copies; null when the provider was not
   * configured for callbacks.
   */
  private final CallbackHub callbacks;

  /** The webhook handler of this client and its copies; null without callbacks. */
  private final Callbacks webhookHandler;

  /**
   * Creates a client; provider facades such as {@code GmiCloud.builder()} call this for you.
   *
   * @param scheduler the source of time for every delay; a {@code TestScheduler} in tests
   */
  public VideoClient(
      VideoProvider provider, PollingPolicy policy, Scheduler scheduler, Downloader downloader) {
    if (provider == null) throw new NullPointerException("provider == null");
    if (policy == null) throw new NullPointerException("policy == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    if (downloader == null) throw new NullPointerException("downloader == null");
    this.provider = provider;
    this.policy = policy;
    this.scheduler = scheduler;
    this.downloader = downloader;
    this.journaling = null;
    this.endpoint = null;
    this.listeners = null;
    this.callbacks = provider.webhooks().isPresent() ? new CallbackHub() : null;
    this.webhookHandler =
        callbacks == null ? null : new Callbacks(provider.webhooks().get(), callbacks, scheduler);
  }

  private VideoClient(
      VideoClient from, TaskJournal journal, String endpoint, TaskEvents.Registry listeners) {
    this.provider = from.provider;
    this.policy = from.policy;
    this.scheduler = from.scheduler;
    this.downloader = from.downloader;
    this.journaling = journal == null ? null : new Journaling(journal, provider, scheduler);
    this.endpoint = endpoint;
    this.listeners = listeners;
    this.callbacks = from.callbacks;
    this.webhookHandler = from.webhookHandler;
    if (webhookHandler != null) webhookHandler.journal(journaling);
  }

  /**
   * A client like this one that records every task in {@code journal}: the intent before the submit
   * is sent, the handle before it is emitted or returned, a lost submit answer, the terminal status
   * and each download through {@link #download(TaskStatus, Path)}. See {@link TaskJournal} for what
   * is stored (never the API key) and {@link #resume} for continuing.
   *
   * <p>A journal does disk I/O on the thread that subscribes (the intent) and on the threads that
   * deliver answers; on Android, subscribe on {@code Schedulers.io()}.
   */
  public VideoClient withJournal(TaskJournal journal) {
    if (journal == null) throw new NullPointerException("journal == null");
    return new VideoClient(this, journal, endpoint, listeners);
  }

  /** Records {@code baseUrl} with each submit, so a resume can poll the same host. */
  VideoClient withEndpoint(String baseUrl) {
    return new VideoClient(this, currentJournal(), baseUrl, listeners);
  }

  private TaskJournal currentJournal() {
    return journaling == null ? null : journaling.journal;
  }

  /**
   * A client like this one whose every operation is also heard by a listener from {@code factory},
   * after the listeners this client already has; see {@link VideoEventListener}. For one listener
   * shared by every operation: {@code withEventListener(operation -> listener)}.
   */
  public VideoClient withEventListener(VideoEventListener.Factory factory) {
    if (factory == null) throw new NullPointerException("factory == null");
    List<VideoEventListener.Factory> all = new ArrayList<>();
    if (listeners != null) all.addAll(listeners.factories);
    all.add(factory);
    return new VideoClient(
        this,
        currentJournal(),
        endpoint,
        new TaskEvents.Registry(Collections.unmodifiableList(all)));
  }

  /** The events of a new operation: {@link TaskEvents#NONE} without listeners. */
  private TaskEvents events(VideoOperation.Kind kind, TaskHandle handle) {
    if (listeners == null) return TaskEvents.NONE;
    return listeners.start(
        new VideoOperation(
            kind, provider.id(), provider.capabilities().model(), scheduler, handle));
  }

  /**
   * A task's stream ({@code body}, given the operation's events) with its journal records and, when
   * someone listens, its events: one operation per subscription. Without listeners, {@code body} is
   * built at once with {@link TaskEvents#NONE} and nothing is added.
   */
  private Observable<TaskStatus> task(
      VideoOperation.Kind kind,
      TaskHandle handle,
      java.util.function.Function<TaskEvents, Observable<TaskStatus>> body) {
    if (listeners == null) return journaled(body.apply(TaskEvents.NONE), TaskEvents.NONE);
    return Observable.defer(
        () -> {
          TaskEvents events = events(kind, handle);
          return events.observe(journaled(body.apply(events).doOnNext(events::emitted), events));
        });
  }

  private Observable<TaskStatus> journaled(Observable<TaskStatus> stream, TaskEvents events) {
    return journaling == null ? stream : journaling.recordEnd(stream, events);
  }

  /** The journal this client records into, if any. */
  public Optional<TaskJournal> journal() {
    return journaling == null ? Optional.<TaskJournal>empty() : Optional.of(journaling.journal);
  }

  /**
   * The base URL this client's provider talks to, when the client was built by a provider facade.
   */
  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** The provider id, such as {@code "gmi"}. */
  public String providerId() {
    return provider.id();
  }

  /** What this provider and model accept. */
  public ProviderCapabilities capabilities() {
    return provider.capabilities();
  }

  public PollingPolicy pollingPolicy() {
    return policy;
  }

  /**
   * Submits the request and follows the task to its end.
   *
   * <p>Emits a {@code QUEUED} status with the handle as soon as the provider accepts the job, then
   * a status each time the state, queue position or progress changes, and completes after the
   * terminal status. A task that ends FAILED or CANCELLED is reported as a status, not an error.
   * {@code onError} means the task could no longer be observed: invalid request (nothing sent),
   * authentication, task not found, a status value this client does not know, or the deadline
   * ({@code TaskTimeoutException}); once a task exists the error carries its handle so you can
   * {@link #watch} it again. Transient read failures (no answer, 408, 425, 429, 5xx, a 2xx that is
   * not JSON) do not end the stream: reads are retried until the deadline, and meanwhile the last
   * status is emitted again with {@link TaskStatus#retry()} set. A submit is never sent twice
   * unless the provider provably did not receive it.
   */
  public Observable<TaskStatus> generate(ImageToVideoRequest request) {
    return generate(request, Collections.<String, String>emptyMap());
  }

  /**
   * {@link #generate(ImageToVideoRequest)}, recording {@code labels} with the task in the
   * {@linkplain #withJournal journal} (ignored without one): the application's own data, such as
   * {@link JournalEntry#LABEL_TARGET} for where the video is to be saved. Never put secrets in
   * labels.
   */
  public Observable<TaskStatus> generate(ImageToVideoRequest request, Map<String, String> labels) {
    return generate(request, labels, SubmitListener.NONE);
  }

  /**
   * {@link #generate(ImageToVideoRequest, Map)}, telling {@code submitListener} of each retry of
   * the submit and of a disposal before its answer, for example to show a connection refused again
   * and again while it is being retried.
   */
  public Observable<TaskStatus> generate(
      ImageToVideoRequest request, Map<String, String> labels, SubmitListener submitListener) {
    if (request == null) throw new NullPointerException("request == null");
    if (labels == null) throw new NullPointerException("labels == null");
    if (submitListener == null) throw new NullPointerException("submitListener == null");
    return run(job(request), VideoOperation.Kind.GENERATE, labels, submitListener);
  }

  /**
   * Extends an existing video with a new prompt and follows the new task to its end: the same
   * stream, retries, journal and errors as {@link #generate(ImageToVideoRequest)}. The request is
   * checked before anything is sent ({@link ProviderCapabilities#validate(ExtendVideoRequest)}: a
   * local file must exist and be a video within the provider's size limit, a task must be this
   * provider's); a local file or bytes are uploaded as part of the submit, and the upload is not
   * repeated when the extend itself is resent.
   *
   * @throws UnsupportedFeatureException (at subscription, nothing sent) when the provider does not
   *     {@linkplain ProviderCapabilities#supportsExtend() extend} videos
   */
  public Observable<TaskStatus> extend(ExtendVideoRequest request) {
    return extend(request, Collections.<String, String>emptyMap());
  }

  /**
   * {@link #extend(ExtendVideoRequest)} with journal labels, as {@link
   * #generate(ImageToVideoRequest, Map)}.
   */
  public Observable<TaskStatus> extend(ExtendVideoRequest request, Map<String, String> labels) {
    return extend(request, labels, SubmitListener.NONE);
  }

  /**
   * {@link #extend(ExtendVideoRequest, Map)}, telling {@code submitListener} of each retry of the
   * submit and of a disposal before its answer, as {@link #generate(ImageToVideoRequest, Map,
   * SubmitListener)} does.
   */
  public Observable<TaskStatus> extend(
      ExtendVideoRequest request, Map<String, String> labels, SubmitListener submitListener) {
    if (request == null) throw new NullPointerException("request == null");
    if (labels == null) throw new NullPointerException("labels == null");
    if (submitListener == null) throw new NullPointerException("submitListener == null");
    return run(job(request), VideoOperation.Kind.EXTEND, labels, submitListener);
  }

  /**
   * One submit of either kind: how to check it, what the journal records, and the provider call.
   */
  private static final class Job {
    final Runnable validate;
    final Map<String, String> summary;

    /** Called once per logical submit: its {@code Single} is what a resend subscribes to again. */
    final Supplier<Single<TaskHandle>> send;

    Job(Runnable validate, Map<String, String> summary, Supplier<Single<TaskHandle>> send) {
      this.validate = validate;
      this.summary = summary;
      this.send = send;
    }
  }

  private Job job(ImageToVideoRequest request) {
    return new Job(
        () -> provider.capabilities().requireValid(request),
        Journaling.summary(request),
        () -> provider.submit(request));
  }

  private Job job(ExtendVideoRequest request) {
    return new Job(
        () -> {
          if (!provider.capabilities().supportsExtend())
            throw VideoProvider.noExtendOperation(provider.id());
          provider.capabilities().requireValid(request);
        },
        Journaling.summary(request),
        () -> provider.extend(request));
  }

  /**
   * The one pipeline of {@link #generate} and {@link #extend}: validate, journal, submit once,
   * poll.
   */
  private Observable<TaskStatus> run(
      Job job,
      VideoOperation.Kind kind,
      Map<String, String> labels,
      SubmitListener submitListener) {
    return task(kind, null, events -> submitAndWatch(job, labels, submitListener, events));
  }

  private Observable<TaskStatus> submitAndWatch(
      Job job, Map<String, String> labels, SubmitListener submitListener, TaskEvents events) {
    return Observable.create(
        emitter -> {
          long start = scheduler.now(TimeUnit.NANOSECONDS);
          job.validate.run();
          CompositeDisposable resources = new CompositeDisposable();
          emitter.setDisposable(resources);
          Journaling.Submit journaled =
              journaling == null ? null : journaling.intent(job.summary, endpoint, labels, events);
          SubmitAttempts attempts = attempts(submitListener, journaled, events);
          resources.add(attempts);
          resources.add(
              submitOnce(job.send, attempts, events)
                  .subscribe(
                      handle -> {
                        if (journaled != null) journaled.accepted(handle);
                        if (emitter.isDisposed()) return;
                        TaskStatus queued =
                            TaskStatus.builder()
                                .handle(handle)
                                .state(TaskState.QUEUED)
                                .observedAt(now())
                                .build();
                        emitter.onNext(queued);
                        resources.add(
                            TaskWatcher.start(
                                provider,
                                policy,
                                scheduler,
                                handle,
                                emitter,
                                queued,
                                policy.initialDelay(),
                                start,
                                events,
                                callbacks));
                      },
                      e -> {
                        if (journaled != null) journaled.failed(e);
                        emitter.tryOnError(e);
                      }));
        });
  }

  /**
   * Submits the request and returns the handle without polling. The same validation and
   * no-duplicate rules as {@link #generate} apply.
   */
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return submit(job(request));
  }

  /**
   * Submits the extend and returns the handle without polling; {@link #watch}, {@link #resume} and
   * {@link #download(TaskStatus, Path)} work for it as for any task. The same validation and
   * no-duplicate rules as {@link #extend(ExtendVideoRequest)} apply.
   */
  public Single<TaskHandle> submit(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return submit(job(request));
  }

  private Single<TaskHandle> submit(Job job) {
    return call(VideoOperation.Kind.SUBMIT, null, events -> submit(job, events));
  }

  /**
   * One call ({@code body}, given its events) as one operation per subscription when someone
   * listens; without listeners, {@code body} with {@link TaskEvents#NONE}.
   */
  private <T> Single<T> call(
      VideoOperation.Kind kind,
      TaskHandle handle,
      java.util.function.Function<TaskEvents, Single<T>> body) {
    if (listeners == null) return body.apply(TaskEvents.NONE);
    return Single.defer(
        () -> {
          TaskEvents events = events(kind, handle);
          return events.observe(body.apply(events));
        });
  }

  private Single<TaskHandle> submit(Job job, TaskEvents events) {
    return Single.defer(
        () -> {
          job.validate.run();
          if (journaling == null) {
            SubmitAttempts attempts = attempts(SubmitListener.NONE, null, events);
            return submitOnce(job.send, attempts, events).doOnDispose(attempts::dispose);
          }
          Journaling.Submit journaled =
              journaling.intent(
                  job.summary, endpoint, Collections.<String, String>emptyMap(), events);
          SubmitAttempts attempts = attempts(SubmitListener.NONE, journaled, events);
          return submitOnce(job.send, attempts, events)
              .doOnSuccess(journaled::accepted)
              .doOnError(journaled::failed)
              .doOnDispose(attempts::dispose);
        });
  }

  private SubmitAttempts attempts(
      SubmitListener listener, Journaling.Submit journaled, TaskEvents events) {
    int limit =
        policy.maxSubmitRetries() == Integer.MAX_VALUE
            ? Integer.MAX_VALUE
            : policy.maxSubmitRetries() + 1;
    return new SubmitAttempts(scheduler, listener, limit, journaled, events);
  }

  private Single<TaskHandle> submitOnce(
      Supplier<Single<TaskHandle>> providerSubmit, SubmitAttempts attempts, TaskEvents events) {
    // One logical submit: a retry subscribes again to the same Single, so a provider can reuse
    // what belongs to this submit (PixVerse's trace ids and uploaded image or video).
    Single<TaskHandle> submit =
        events.marked(providerSubmit.get()).doOnSubscribe(d -> attempts.sending());
    Single<TaskHandle> answered =
        Retrying.single(
                () -> submit,
                Failures::submitProvablyNotAccepted,
                policy.maxSubmitRetries(),
                policy,
                scheduler,
                attempts)
            .doOnEvent((h, e) -> attempts.answered())
            .onErrorResumeNext(e -> Single.error(Failures.forSubmit(e, provider.id())));
    if (!events.enabled()) return answered;
    return answered.doOnSuccess(events::submitAccepted).doOnError(events::submitFailed);
  }

  /**
   * Follows a task that already exists, for example after a restart: polls at once, then as {@link
   * #generate} does. The deadline counts from the subscription. With a {@linkplain #withJournal
   * journal}, this is {@link #watch(TaskHandle, Map)} without labels.
   */
  public Observable<TaskStatus> watch(TaskHandle handle) {
    return watch(handle, Collections.<String, String>emptyMap());
  }

  /**
   * {@link #watch(TaskHandle)}; with a {@linkplain #withJournal journal}, a task the journal does
   * not know yet is first recorded as accepted, at subscription and before the first poll, with
   * this client's base URL and {@code labels} (such as {@link JournalEntry#LABEL_TARGET} for where
   * the caller will save the video), so a process killed while watching leaves it {@linkplain
   * TaskJournal#unfinished() unfinished} for {@link #resume}. A task the journal already knows (by
   * its token) is not recorded again and keeps the labels it has. Its end is recorded as for {@link
   * #generate}. Without a journal, {@code labels} are ignored. Never put secrets in labels.
   */
  public Observable<TaskStatus> watch(TaskHandle handle, Map<String, String> labels) {
    checkHandle(handle);
    if (labels == null) throw new NullPointerException("labels == null");
    if (journaling == null) return task(VideoOperation.Kind.WATCH, handle, e -> follow(handle, e));
    Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    return task(
        VideoOperation.Kind.WATCH,
        handle,
        events ->
            Observable.defer(
                () -> {
                  journaling.watching(handle, endpoint, copy, events);
                  return follow(handle, events);
                }));
  }

  /** Polls {@code handle} at once, then as {@link #generate} does; records nothing. */
  private Observable<TaskStatus> follow(TaskHandle handle, TaskEvents events) {
    return Observable.create(
        emitter ->
            emitter.setDisposable(
                TaskWatcher.start(
                    provider,
                    policy,
                    scheduler,
                    handle,
                    emitter,
                    null,
                    Duration.ZERO,
                    scheduler.now(TimeUnit.NANOSECONDS),
                    events,
                    callbacks)));
  }

  /**
   * Receives this provider's callbacks (webhooks): hand it each callback's request and send back
   * what it returns (see {@link WebhookHandler}). A verified callback ends the {@link #generate} or
   * {@link #watch} stream of its task at once, in this client and in its {@link #withJournal}
   * copies, which share one handler; a task no stream follows has its end recorded in the journal.
   * Polling goes on meanwhile as a safety net, every {@link PollingPolicy#webhookSafetyNet()}.
   *
   * @throws UnsupportedFeatureException when the provider was not configured to ask for callbacks
   *     (such as {@code PixVerse.builder().webhook(PixVerseWebhook.of(id, secret))}), or has none;
   *     thrown here, not when the client is built
   */
  public WebhookHandler webhookHandler() {
    if (webhookHandler == null) {
      throw new UnsupportedFeatureException(
          "This "
              + provider.id()
              + " client was not configured for callbacks (webhooks): "
              + (provider.capabilities().supportsWebhooks()
                  ? "set them up on its builder (see docs/webhooks.md)."
                  : provider.id() + " does not send any."),
          ErrorDetails.provider(provider.id()));
    }
    return webhookHandler;
  }

  /**
   * Continues a task from the journal: the same stream as {@link #watch} of its handle, and like
   * it, nothing is downloaded (see {@link #resumeAll()} for what to do next). The entry is not
   * {@linkplain TaskJournal#tryClaim claimed}.
   *
   * @throws IllegalArgumentException when the entry has no handle (its submit was never answered:
   *     check the provider's console) or belongs to another provider
   */
  public Observable<TaskStatus> resume(JournalEntry entry) {
    if (entry == null) throw new NullPointerException("entry == null");
    if (!entry.handle().isPresent()) {
      throw new IllegalArgumentException(
          "Journal entry "
              + entry.id()
              + " has no task handle ("
              + entry.phase()
              + "): its submit was never answered, so check the provider's console for a job.");
    }
    TaskHandle handle = entry.handle().get();
    checkHandle(handle);
    if (journaling != null) journaling.known(handle.token());
    return task(VideoOperation.Kind.WATCH, handle, events -> follow(handle, events));
  }

  /**
   * Continues every {@linkplain TaskJournal#unfinished() unfinished} task of this client's provider
   * in its journal, all at once, as one merged stream of their statuses (tell them apart by {@link
   * TaskStatus#handle()}). Each task is {@linkplain TaskJournal#tryClaim claimed} while it is
   * watched, and tasks another thread or process is resuming are skipped. Errors of one task are
   * delayed until the others end.
   *
   * <p>It watches only: nothing is downloaded, and the claim is released when a task's stream ends.
   * A SUCCEEDED task that has a {@link JournalEntry#LABEL_TARGET} therefore stays {@linkplain
   * JournalEntry#isUnfinished() unfinished} until the caller saves its video: for each SUCCEEDED
   * status, look its entry up with {@link TaskJournal#entry(String) entry(status.handle().token())}
   * and call {@link #download(TaskStatus, Path)} with the entry's {@link JournalEntry#target()
   * target} (an existing directory means a file inside it: {@link DownloadTargets#resolve}), which
   * records the download. To keep two resumers from downloading one task twice, do per entry what
   * the CLI's {@code resume} does instead: {@link TaskJournal#tryClaim tryClaim} it, {@link
   * #resume(JournalEntry) resume} it, download, then close the claim.
   *
   * @throws IllegalStateException at subscription when this client has no journal
   */
  public Observable<TaskStatus> resumeAll() {
    return Observable.defer(
        () -> {
          if (journaling == null)
            throw new IllegalStateException("This client has no journal: use withJournal(..)");
          TaskJournal journal = journaling.journal;
          List<Observable<TaskStatus>> streams = new ArrayList<>();
          for (JournalEntry e : journal.unfinished()) {
            if (!provider.id().equals(e.provider())) continue;
            streams.add(
                Observable.using(
                    () -> journal.tryClaim(e.id()),
                    claim -> claim.isPresent() ? resume(e) : Observable.<TaskStatus>empty(),
                    claim -> claim.ifPresent(TaskJournal.Claim::close)));
          }
          return Observable.mergeDelayError(streams);
        });
  }

  /**
   * Reads the task's status once, retrying transient failures as polling does. With a {@linkplain
   * #withJournal journal} that holds the task, a terminal status read here is recorded as its end
   * (so a task cancelled or ended meanwhile no longer counts as unfinished); a task the journal
   * does not hold is not added.
   */
  public Single<TaskStatus> status(TaskHandle handle) {
    checkHandle(handle);
    return call(VideoOperation.Kind.STATUS, handle, events -> status(handle, events));
  }

  private Single<TaskStatus> status(TaskHandle handle, TaskEvents events) {
    Single<TaskStatus> read =
        Retrying.single(
                () -> events.timed(events.marked(provider.status(handle)).map(Failures::truthful)),
                Failures::isTransient,
                Integer.MAX_VALUE,
                policy,
                scheduler,
                events.retries(VideoEventListener.CallKind.STATUS))
            .onErrorResumeNext(e -> Single.error(Failures.withHandle(e, provider.id(), handle)));
    return journaling == null ? read : journaling.recordEndIfKnown(handle, read, events);
  }

  /**
   * Asks the provider to cancel the task; completing means the provider accepted the request (the
   * status stream shows when the task is CANCELLED).
   *
   * <p>Fails at once with {@link UnsupportedFeatureException}, without a request, when the provider
   * has no cancel operation. Fails with {@link TaskAlreadyEndedException}, carrying the final
   * state, when the task had already ended: nothing was cancelled, and whatever it cost is spent.
   * To tell, the task's status is read once before the cancel is sent (a task seen ended gets no
   * cancel), and again when the provider answers that it had already ended.
   */
  public Completable cancel(TaskHandle handle) {
    checkHandle(handle);
    if (listeners == null) return cancel(handle, TaskEvents.NONE);
    return call(
            VideoOperation.Kind.CANCEL,
            handle,
            events -> cancel(handle, events).toSingleDefault(Boolean.TRUE))
        .ignoreElement();
  }

  private Completable cancel(TaskHandle handle, TaskEvents events) {
    return Completable.defer(
        () -> {
          if (!provider.capabilities().supportsCancel()) {
            return Completable.error(VideoProvider.noCancelOperation(provider.id(), handle));
          }
          Completable send =
              Retrying.single(
                      () -> events.marked(provider.cancel(handle).toSingleDefault(Boolean.TRUE)),
                      Failures::isTransient,
                      Integer.MAX_VALUE,
                      policy,
                      scheduler,
                      events.retries(VideoEventListener.CallKind.CANCEL))
                  .ignoreElement()
                  .onErrorResumeNext(
                      e ->
                          e instanceof TaskEndedBeforeCancelException
                              ? status(handle)
                                  .flatMapCompletable(
                                      s ->
                                          Completable.error(
                                              alreadyEnded(handle, s, e.getMessage())))
                              : Completable.error(Failures.withHandle(e, provider.id(), handle)));
          // One plain read, not retried: when it fails, the cancel is sent all the same.
          return events
              .marked(provider.status(handle))
              .map(s -> Optional.of(Failures.truthful(s)))
              .onErrorReturnItem(Optional.empty())
              .flatMapCompletable(
                  before ->
                      before.isPresent() && before.get().isTerminal()
                          ? Completable.error(alreadyEnded(handle, before.get(), null))
                          : send);
        });
  }

  /**
   * How a task ended, in words: {@code it succeeded}, {@code it failed}, {@code it was cancelled}.
   */
  private static String endedAs(TaskState state) {
    switch (state) {
      case SUCCEEDED:
        return "it succeeded";
      case FAILED:
        return "it failed";
      case CANCELLED:
        return "it was cancelled";
      default:
        return "it is " + state.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private VideoApiException alreadyEnded(TaskHandle handle, TaskStatus last, String providerSaid) {
    ErrorDetails details = ErrorDetails.provider(provider.id());
    if (!last.isTerminal()) {
      return new VideoApiException(
              "Provider "
                  + provider.id()
                  + " says the task had already ended ("
                  + providerSaid
                  + "), but its status reads "
                  + last.state()
                  + ": watch it to see how it ends",
              details)
          .attachHandle(handle);
    }
    return new TaskAlreadyEndedException(
            "The task had already ended before the cancel: "
                + endedAs(last.state())
                + "; nothing was cancelled, and whatever it cost is spent"
                + (last.state() == TaskState.SUCCEEDED
                    ? "; its video can still be downloaded"
                    : ""),
            details,
            last.state(),
            last)
        .attachHandle(handle);
  }

  /**
   * Generates and returns the videos; fails with {@link TaskFailedException} when the task ends
   * FAILED or CANCELLED.
   */
  public Single<List<Video>> awaitVideos(ImageToVideoRequest request) {
    return videos(generate(request));
  }

  /**
   * Extends and returns the videos; fails with {@link TaskFailedException} when the task ends
   * FAILED or CANCELLED.
   */
  public Single<List<Video>> awaitVideos(ExtendVideoRequest request) {
    return videos(extend(request));
  }

  private static Single<List<Video>> videos(Observable<TaskStatus> stream) {
    return stream
        .lastOrError()
        .map(
            s -> {
              if (s.state() != TaskState.SUCCEEDED) throw new TaskFailedException(s);
              return s.videos();
            });
  }

  /**
   * Downloads {@code video} to {@code target} through a temporary file in the same directory, then
   * moves it into place; a failed or disposed download leaves no partial file. The provider's
   * credentials are never sent to the media host. Transient failures of the media host are retried
   * with the polling policy's backoff until its deadline, and a body cut short resumes with a
   * {@code Range} request; prefer {@link #download(TaskHandle, Video, Path)}, which can also
   * replace an expired URL.
   */
  public Observable<DownloadProgress> download(Video video, Path target) {
    if (video == null) throw new NullPointerException("video == null");
    if (target == null) throw new NullPointerException("target == null");
    return downloading(
        null,
        events ->
            events.reporting(
                events.enabled()
                    ? downloader.download(
                        video, target, null, events.retries(VideoEventListener.CallKind.DOWNLOAD))
                    : downloader.download(video, target)));
  }

  /**
   * A download ({@code body}, given its events, which reports its progress to them) as one
   * operation per subscription when someone listens.
   */
  private Observable<DownloadProgress> downloading(
      TaskHandle handle,
      java.util.function.Function<TaskEvents, Observable<DownloadProgress>> body) {
    if (listeners == null) return body.apply(TaskEvents.NONE);
    return Observable.defer(
        () -> {
          TaskEvents events = events(VideoOperation.Kind.DOWNLOAD, handle);
          return events.observe(events.marked(body.apply(events)));
        });
  }

  /**
   * Downloads the first video of a SUCCEEDED task to {@code target} as {@link #download(Video,
   * Path)} does, and records the saved file in the {@linkplain #withJournal journal} before
   * completing.
   *
   * @throws IllegalArgumentException when the status has no video (the task did not succeed)
   */
  public Observable<DownloadProgress> download(TaskStatus status, Path target) {
    if (status == null) throw new NullPointerException("status == null");
    if (target == null) throw new NullPointerException("target == null");
    if (status.videos().isEmpty()) {
      throw new IllegalArgumentException(
          "Task "
              + status.handle().token()
              + " is "
              + status.state()
              + " and has no video to download.");
    }
    return download(status.handle(), status.videos().get(0), target);
  }

  /**
   * Downloads a video of the task {@code handle}, as {@link #download(Video, Path)} does, and when
   * the media host refuses the video's URL (401, 403, 404 or 410: presigned URLs expire) reads the
   * task's status once for a fresh URL of the same video before giving up. With a {@linkplain
   * #withJournal journal}, records the saved file before completing; a task the journal does not
   * know yet is first recorded as accepted with {@code target} as its {@link
   * JournalEntry#LABEL_TARGET}, so that a resume finishes a download that was killed.
   */
  public Observable<DownloadProgress> download(TaskHandle handle, Video video, Path target) {
    checkHandle(handle);
    if (video == null) throw new NullPointerException("video == null");
    if (target == null) throw new NullPointerException("target == null");
    Single<Video> fresh = status(handle).map(s -> sameVideo(s, video));
    if (journaling == null) {
      return downloading(
          handle,
          events ->
              events.reporting(
                  downloader.download(
                      video, target, fresh, events.retries(VideoEventListener.CallKind.DOWNLOAD))));
    }
    return downloading(
        handle,
        events ->
            Observable.defer(
                    () -> {
                      // A task from elsewhere is recorded with its target first, so that a
                      // download killed mid-way is finished by a resume.
                      journaling.watching(
                          handle,
                          endpoint,
                          Collections.singletonMap(
                              JournalEntry.LABEL_TARGET, target.toAbsolutePath().toString()),
                          events);
                      return events.reporting(
                          downloader.download(
                              video,
                              target,
                              fresh,
                              events.retries(VideoEventListener.CallKind.DOWNLOAD)));
                    })
                .doOnNext(
                    p -> {
                      if (p.done()) journaling.downloaded(handle, target, events);
                    }));
  }

  /**
   * The video of {@code fresh} that is {@code old} with a new URL: same path, else the only one.
   */
  private Video sameVideo(TaskStatus fresh, Video old) {
    List<Video> videos = fresh.videos();
    for (Video v : videos) {
      if (v.url().getPath() != null && v.url().getPath().equals(old.url().getPath())) return v;
    }
    if (videos.size() == 1) return videos.get(0);
    throw new VideoApiException(
        "The media host refused the video URL, and a fresh status of the task ("
            + fresh.state()
            + ", "
            + videos.size()
            + " videos) has no video to replace it",
        ErrorDetails.provider(provider.id()));
  }

  private void checkHandle(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    if (!handle.providerId().equals(provider.id())) {
      throw new IllegalArgumentException(
          "This handle belongs to provider '"
              + handle.providerId()
              + "' but this client talks to '"
              + provider.id()
              + "': use a client for "
              + handle.providerId()
              + ".");
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "VideoClient{" + provider.id() + ", " + provider.capabilities().model() + "}";
  }
}
