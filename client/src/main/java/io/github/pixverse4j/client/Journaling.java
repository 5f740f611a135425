package io.github.pixverse4j.client;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.journal.JournalRecord;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What a {@link VideoClient} records in its {@link TaskJournal}, and when. */
final class Journaling {
  private static final Logger LOG = Logger.getLogger(Journaling.class.getName());

  /**
   * Long prompts are cut in the summary; the journal is for recognising a task, not replaying it.
   */
  static final int MAX_PROMPT_CHARS = 500;

  /**
   * How many tokens {@link #known} remembers; beyond that, the oldest are looked up in the journal
   * again.
   */
  static final int KNOWN_TOKENS = 4096;

  final TaskJournal journal;
  private final VideoProvider provider;
  private final Scheduler scheduler;

  /**
   * Tokens this client recorded or read from its journal recently, so that a download after a
   * generate does not read the whole journal to learn that it knows the task.
   */
  private final java.util.Set<String> known =
      java.util.Collections.newSetFromMap(
          java.util.Collections.synchronizedMap(
              new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > KNOWN_TOKENS;
                }
              }));

  Journaling(TaskJournal journal, VideoProvider provider, Scheduler scheduler) {
    this.journal = journal;
    this.provider = provider;
    this.scheduler = scheduler;
  }

  /** Notes that the journal holds the task {@code token}, for example one being resumed from it. */
  void known(String token) {
    known.add(token);
  }

  /**
   * Records a task that is about to be followed (watched, or downloaded) as accepted, with {@code
   * endpoint} and {@code labels}, unless the journal already knows its token: then nothing is
   * written, and the entry keeps the labels it has. Without this, a process killed while watching a
   * task from elsewhere left nothing a resume could find.
   */
  void watching(TaskHandle handle, String endpoint, Map<String, String> labels, TaskEvents events) {
    String token = handle.token();
    if (known.contains(token)) return;
    try {
      if (journal.entry(token).isPresent()) {
        known.add(token);
        return;
      }
    } catch (RuntimeException e) {
      // Unreadable now: recording it again is harmless (records of one token fold into one entry).
      LOG.log(Level.WARNING, "Could not read " + journal, e);
    }
    record(
        JournalRecord.watched(token, now(), handle.providerId(), handle.model(), endpoint, labels),
        events);
    known.add(token);
  }

  private Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  /**
   * Records the intent before anything is sent; a failure here fails the submit, so no job is
   * created that the journal could not hold.
   */
  Submit intent(
      Map<String, String> summary, String endpoint, Map<String, String> labels, TaskEvents events) {
    String id = JournalRecord.newId();
    JournalRecord intent =
        JournalRecord.intent(
            id, now(), provider.id(), provider.capabilities().model(), endpoint, summary, labels);
    journal.append(intent);
    events.journalWritten(intent);
    return new Submit(id, events);
  }

  /** One submit's records after the intent. */
  final class Submit implements Disposable {
    private final String id;
    private final TaskEvents events;
    private final AtomicBoolean answered = new AtomicBoolean();

    Submit(String id, TaskEvents events) {
      this.id = id;
      this.events = events;
    }

    /** Always recorded, even after a disposal raced with the answer: the handle is what matters. */
    void accepted(TaskHandle handle) {
      answered.set(true);
      record(JournalRecord.accepted(id, handle.token(), now()), events);
      known.add(handle.token());
    }

    void failed(Throwable e) {
      if (!answered.compareAndSet(false, true)) return;
      record(
          e instanceof SubmitOutcomeUnknownException
              ? JournalRecord.outcomeUnknown(id, now(), e.getMessage())
              : JournalRecord.notAccepted(id, now(), e.getMessage()),
          events);
    }

    /** Disposed before the answer: the submit may have reached the provider. */
    @Override
    public void dispose() {
      abandoned(true);
    }

    /**
     * The caller stopped waiting before the answer: outcome unknown when an attempt may have
     * reached the provider, else not accepted (every attempt so far provably sent nothing).
     */
    void abandoned(boolean mayHaveReached) {
      if (!answered.compareAndSet(false, true)) return;
      record(
          mayHaveReached
              ? JournalRecord.outcomeUnknown(
                  id,
                  now(),
                  "The caller stopped waiting before the provider answered the submit: a job may"
                      + " exist.")
              : JournalRecord.notAccepted(
                  id,
                  now(),
                  "The caller stopped waiting between attempts of the"
                      + " submit, each of which failed before sending: nothing was sent."),
          events);
    }

    @Override
    public boolean isDisposed() {
      return answered.get();
    }
  }

  /**
   * Records the terminal status (before it is passed on) and a task the provider no longer knows.
   */
  Observable<TaskStatus> recordEnd(Observable<TaskStatus> stream, TaskEvents events) {
    return stream
        .doOnNext(
            s -> {
              if (!s.isTerminal()) return;
              List<String> urls = new ArrayList<>();
              for (Video v : s.videos()) urls.add(v.url().toString());
              String message = s.failure().isPresent() ? s.failure().get().message() : null;
              record(
                  JournalRecord.terminal(s.handle().token(), now(), s.state(), urls, message),
                  events);
            })
        .doOnError(
            e -> {
              if (e instanceof TaskNotFoundException
                  && ((TaskNotFoundException) e).handle().isPresent()) {
                record(
                    JournalRecord.gone(
                        ((TaskNotFoundException) e).handle().get().token(), now(), e.getMessage()),
                    events);
              }
            });
  }

  /**
   * Records the end a single status read observes, like {@link #recordEnd}, but only for a task the
   * journal already holds: reading the status of a task from elsewhere adds no entry. Without this
   * a task cancelled or ended while nothing was following it stayed "accepted" in the journal.
   */
  Single<TaskStatus> recordEndIfKnown(
      TaskHandle handle, Single<TaskStatus> read, TaskEvents events) {
    return Single.defer(
        () -> {
          String token = handle.token();
          boolean held = known.contains(token);
          if (!held) {
            try {
              held = journal.entry(token).isPresent();
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "Could not read " + journal, e);
            }
          }
          return held ? recordEnd(read.toObservable(), events).singleOrError() : read;
        });
  }

  /**
   * Records the end a callback reported for a task no stream follows, when the journal holds the
   * task: found by its token, else among the unfinished entries by provider and task id (a callback
   * does not say the model). A task the journal does not hold is not added.
   */
  void callbackEnd(io.github.pixverse4j.client.webhook.WebhookEvent event) {
    TaskHandle h = event.handle();
    String token = null;
    try {
      if (known.contains(h.token()) || journal.entry(h.token()).isPresent()) {
        token = h.token();
      } else {
        for (io.github.pixverse4j.client.journal.JournalEntry e : journal.unfinished()) {
          if (!e.handle().isPresent()) continue;
          TaskHandle other = e.handle().get();
          if (other.providerId().equals(h.providerId()) && other.taskId().equals(h.taskId())) {
            token = other.token();
            break;
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not read " + journal, e);
    }
    if (token == null) return;
    List<String> urls = new ArrayList<>();
    String message = null;
    if (event.status().isPresent()) {
      TaskStatus s = event.status().get();
      for (Video v : s.videos()) urls.add(v.url().toString());
      if (s.failure().isPresent()) message = s.failure().get().message();
    }
    record(JournalRecord.terminal(token, now(), event.state(), urls, message), TaskEvents.NONE);
  }

  void downloaded(TaskHandle handle, Path target, TaskEvents events) {
    record(
        JournalRecord.downloaded(handle.token(), now(), target.toAbsolutePath().toString()),
        events);
  }

  /**
   * Writes a record about a task that exists: a failure must not cost the caller the handle or the
   * status, which are the better record, so it is logged instead of thrown.
   */
  private void record(JournalRecord r, TaskEvents events) {
    try {
      journal.append(r);
      events.journalWritten(r);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not write " + r + " to " + journal, e);
    }
  }

  /** What was asked, for people reading the journal: no key, no image bytes, no URL query. */
  static Map<String, String> summary(ImageToVideoRequest r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("prompt", shortPrompt(r.prompt()));
    m.put("image", describe(r.image()));
    settings(m, r.durationSeconds(), r.quality(), r.seed(), r.model());
    return m;
  }

  /**
   * What an extend asked, as for {@link #summary(ImageToVideoRequest)}: {@code operation=extend}
   * and the source's kind with what identifies it (task token, file path, URL without query, byte
   * count, media id), never the bytes.
   */
  static Map<String, String> summary(ExtendVideoRequest r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("operation", "extend");
    m.put("prompt", shortPrompt(r.prompt()));
    m.put("source", describe(r.source()));
    settings(m, r.durationSeconds(), r.quality(), r.seed(), r.model());
    return m;
  }

  private static String shortPrompt(String prompt) {
    return prompt.length() > MAX_PROMPT_CHARS
        ? prompt.substring(0, MAX_PROMPT_CHARS) + "…"
        : prompt;
  }

  private static void settings(
      Map<String, String> m,
      java.util.Optional<Long> durationSeconds,
      java.util.Optional<io.github.pixverse4j.api.Quality> quality,
      java.util.Optional<Long> seed,
      java.util.Optional<io.github.pixverse4j.api.Model> model) {
    durationSeconds.ifPresent(d -> m.put("durationSeconds", String.valueOf(d)));
    quality.ifPresent(q -> m.put("quality", q.label()));
    seed.ifPresent(x -> m.put("seed", String.valueOf(x)));
    model.ifPresent(x -> m.put("model", x.name()));
  }

  private static String describe(VideoSource source) {
    switch (source.kind()) {
      case TASK:
        return "task " + source.task().token();
      case FILE:
        return "file " + source.file().toAbsolutePath();
      case BYTES:
        return "bytes " + source.byteCount();
      case URL:
        return "url " + withoutQuery(source.url());
      default:
        return "media id " + source.providerMediaId();
    }
  }

  /** Presigned URLs carry credentials in the query and user info: keep scheme, host and path. */
  private static String withoutQuery(URI u) {
    return u.getScheme()
        + "://"
        + u.getHost()
        + (u.getPort() >= 0 ? ":" + u.getPort() : "")
        + (u.getRawPath() == null ? "" : u.getRawPath());
  }

  private static String describe(ImageInput image) {
    switch (image.kind()) {
      case URL:
        return withoutQuery(image.url());
      case FILE:
        return image.file().toAbsolutePath().toString();
      case BYTES:
        return image.bytes().length + " bytes of " + image.mimeType();
      default:
        return image.kind().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + image.providerImageId();
    }
  }
}
