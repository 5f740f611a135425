package io.github.pixverse4j.client.journal;

import io.github.pixverse4j.api.TaskHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@link TaskJournal} knows about one task: every record about it, folded. Immutable. */
public final class JournalEntry {
  /**
   * The label holding where the application wants the video saved (a file, or a directory to save
   * inside). A SUCCEEDED entry with this label stays {@linkplain #isUnfinished() unfinished} until
   * a download is recorded.
   */
  public static final String LABEL_TARGET = "target";

  /** Where the task stands, as far as this journal knows. */
  public enum Phase {
    /** The submit was about to be sent and no answer was recorded: the process may have died. */
    SUBMITTING(false),
    /** The submit's answer was lost: check the provider's console, a job may exist. */
    OUTCOME_UNKNOWN(false),
    /** The provider did not accept the submit; nothing exists there. */
    NOT_ACCEPTED(true),
    /** The provider accepted the task and no end was recorded yet. */
    ACCEPTED(false),
    SUCCEEDED(true),
    FAILED(true),
    CANCELLED(true),
    /** The provider no longer knows the task. */
    GONE(true),
    /** A video was saved to {@link #downloadedFile()}. */
    DOWNLOADED(true),
    /**
     * The submit was never answered and a person dismissed the entry ({@link
     * JournalRecord#forgotten}); should the answer be recorded after all, the entry is ACCEPTED.
     */
    FORGOTTEN(true);

    private final boolean ended;

    Phase(boolean ended) {
      this.ended = ended;
    }

    /** True when nothing more can happen to the task at the provider. */
    public boolean isEnded() {
      return ended;
    }
  }

  private final String id;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final String provider;
  private final String model;
  private final String endpoint;
  private final Map<String, String> summary;
  private final Map<String, String> labels;
  private final String token;
  private final Phase phase;
  private final List<String> videoUrls;
  private final String message;
  private final String downloadedFile;

  JournalEntry(
      String id,
      Instant createdAt,
      Instant updatedAt,
      String provider,
      String model,
      String endpoint,
      Map<String, String> summary,
      Map<String, String> labels,
      String token,
      Phase phase,
      List<String> videoUrls,
      String message,
      String downloadedFile) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.provider = provider;
    this.model = model;
    this.endpoint = endpoint;
    this.summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    this.token = token;
    this.phase = phase;
    this.videoUrls = Collections.unmodifiableList(new ArrayList<>(videoUrls));
    this.message = message;
    this.downloadedFile = downloadedFile;
  }

  /**
   * The entry's id (random for a submit; the token for a task the journal first saw by its handle).
   */
  public String id() {
    return id;
  }

  /** When the first record about this task was written. */
  public Instant createdAt() {
    return createdAt;
  }

  /** When the latest record about this task was written. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * The provider id, such as {@code "gmi"}; null if only a token was ever recorded and it is
   * unreadable.
   */
  public String provider() {
    return provider;
  }

  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** The base URL the submit went to. */
  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** What was asked (prompt, duration, quality, image source...), for people. */
  public Map<String, String> summary() {
    return summary;
  }

  /** The application's own data given with the submit, such as {@link #LABEL_TARGET}. */
  public Map<String, String> labels() {
    return labels;
  }

  /** The handle token, once the provider accepted the submit. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The handle, once the provider accepted the submit. */
  public Optional<TaskHandle> handle() {
    return token == null ? Optional.<TaskHandle>empty() : Optional.of(TaskHandle.parse(token));
  }

  public Phase phase() {
    return phase;
  }

  /** The video URLs of the terminal status (empty unless SUCCEEDED or DOWNLOADED). */
  public List<String> videoUrls() {
    return videoUrls;
  }

  /** Why the submit or the task failed, when known. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** The file the video was saved to. */
  public Optional<String> downloadedFile() {
    return Optional.ofNullable(downloadedFile);
  }

  /** The {@link #LABEL_TARGET} label. */
  public Optional<String> target() {
    return Optional.ofNullable(labels.get(LABEL_TARGET));
  }

  /**
   * True when a resume has work to do: the task was accepted and has not ended, or it SUCCEEDED
   * with a {@linkplain #target() target} and its video was not saved yet.
   */
  public boolean isUnfinished() {
    if (token == null) return false;
    return phase == Phase.ACCEPTED
        || (phase == Phase.SUCCEEDED && labels.containsKey(LABEL_TARGET));
  }

  /** True when no job can still need attention: ended, and not waiting for a download. */
  public boolean isFinished() {
    return phase.isEnded() && !isUnfinished();
  }

  @Override
  public String toString() {
    return "JournalEntry{" + id + ", " + phase + ", " + provider + ", token=" + token + "}";
  }
}
