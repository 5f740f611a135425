package io.github.pixverse4j.client.journal;

import io.github.pixverse4j.api.TaskState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event in a {@link TaskJournal}: a submit about to be sent, its answer, a terminal status or a
 * finished download. A journal is the sequence of these; {@link JournalEntry} is one task's folded
 * view. Records hold no API key and no image bytes.
 */
public final class JournalRecord {
  /** What happened. */
  public enum Kind {
    /** A submit is about to be sent; nothing is known yet about a job. */
    INTENT,
    /**
     * The provider accepted the submit; the record carries the task's token. A record without an id
     * is a task first seen by a watch (see {@link #watched}), and also carries its provider,
     * endpoint and labels.
     */
    ACCEPTED,
    /** The submit's answer was lost: a job may exist and be billed. */
    OUTCOME_UNKNOWN,
    /** The provider provably did not accept the submit (or it was refused before sending). */
    NOT_ACCEPTED,
    /** The task reached SUCCEEDED, FAILED or CANCELLED. */
    TERMINAL,
    /** The provider no longer knows the task (expired or deleted). */
    GONE,
    /** A video of the task was saved to a file. */
    DOWNLOADED,
    /**
     * A person dismissed an entry whose submit was never answered (after checking the provider's
     * console): it no longer needs attention. An answer recorded later still wins.
     */
    FORGOTTEN
  }

  private final Kind kind;
  private final String id;
  private final String token;
  private final Instant time;
  private final String provider;
  private final String model;
  private final String endpoint;
  private final Map<String, String> summary;
  private final Map<String, String> labels;
  private final TaskState state;
  private final List<String> videoUrls;
  private final String message;
  private final String file;

  JournalRecord(
      Kind kind,
      String id,
      String token,
      Instant time,
      String provider,
      String model,
      String endpoint,
      Map<String, String> summary,
      Map<String, String> labels,
      TaskState state,
      List<String> videoUrls,
      String message,
      String file) {
    this.kind = Objects.requireNonNull(kind, "kind == null");
    if (id == null && token == null)
      throw new IllegalArgumentException("a record needs an id or a token");
    this.id = id;
    this.token = token;
    this.time = Objects.requireNonNull(time, "time == null");
    this.provider = provider;
    this.model = model;
    this.endpoint = endpoint;
    this.summary = unmodifiable(summary);
    this.labels = unmodifiable(labels);
    this.state = state;
    this.videoUrls =
        videoUrls == null
            ? Collections.<String>emptyList()
            : Collections.unmodifiableList(new java.util.ArrayList<>(videoUrls));
    this.message = message;
    this.file = file;
  }

  private static Map<String, String> unmodifiable(Map<String, String> m) {
    return m == null
        ? Collections.<String, String>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** A fresh, random entry id for {@link #intent}. */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A submit about to be sent.
   *
   * @param endpoint the base URL the submit goes to, so a resume polls the same host; null if
   *     unknown
   * @param summary what was asked, for people reading the journal: no secrets, no image bytes
   * @param labels the application's own data, such as {@link JournalEntry#LABEL_TARGET}
   */
  public static JournalRecord intent(
      String id,
      Instant time,
      String provider,
      String model,
      String endpoint,
      Map<String, String> summary,
      Map<String, String> labels) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(provider, "provider == null");
    return new JournalRecord(
        Kind.INTENT,
        id,
        null,
        time,
        provider,
        model,
        endpoint,
        summary,
        labels,
        null,
        null,
        null,
        null);
  }

  /**
   * The provider accepted the submit of entry {@code id}; {@code token} is the task's handle token.
   */
  public static JournalRecord accepted(String id, String token, Instant time) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(token, "token == null");
    return new JournalRecord(
        Kind.ACCEPTED, id, token, time, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A task this journal did not know is being followed (a watch or download of a handle from
   * elsewhere): recorded as accepted, so that a process killed while following it leaves it
   * {@linkplain JournalEntry#isUnfinished() unfinished} for a resume. The entry's id is the token.
   *
   * @param endpoint the base URL the task is polled at; null if unknown
   * @param labels the application's own data, such as {@link JournalEntry#LABEL_TARGET}
   */
  public static JournalRecord watched(
      String token,
      Instant time,
      String provider,
      String model,
      String endpoint,
      Map<String, String> labels) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(provider, "provider == null");
    return new JournalRecord(
        Kind.ACCEPTED,
        null,
        token,
        time,
        provider,
        model,
        endpoint,
        null,
        labels,
        null,
        null,
        null,
        null);
  }

  /** The answer to the submit of entry {@code id} was lost; {@code message} says what happened. */
  public static JournalRecord outcomeUnknown(String id, Instant time, String message) {
    Objects.requireNonNull(id, "id == null");
    return new JournalRecord(
        Kind.OUTCOME_UNKNOWN,
        id,
        null,
        time,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        message,
        null);
  }

  /** The submit of entry {@code id} was refused; no job exists. */
  public static JournalRecord notAccepted(String id, Instant time, String message) {
    Objects.requireNonNull(id, "id == null");
    return new JournalRecord(
        Kind.NOT_ACCEPTED, id, null, time, null, null, null, null, null, null, null, message, null);
  }

  /**
   * The task {@code token} ended in {@code state}, with these video URLs (empty unless SUCCEEDED).
   */
  public static JournalRecord terminal(
      String token, Instant time, TaskState state, List<String> videoUrls, String message) {
    Objects.requireNonNull(token, "token == null");
    if (state == null || !state.isTerminal())
      throw new IllegalArgumentException("state must be terminal: " + state);
    return new JournalRecord(
        Kind.TERMINAL,
        null,
        token,
        time,
        null,
        null,
        null,
        null,
        null,
        state,
        videoUrls,
        message,
        null);
  }

  /** The provider no longer knows task {@code token}. */
  public static JournalRecord gone(String token, Instant time, String message) {
    Objects.requireNonNull(token, "token == null");
    return new JournalRecord(
        Kind.GONE, null, token, time, null, null, null, null, null, null, null, message, null);
  }

  /** A video of task {@code token} was saved to {@code file} (an absolute path). */
  public static JournalRecord downloaded(String token, Instant time, String file) {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(file, "file == null");
    return new JournalRecord(
        Kind.DOWNLOADED, null, token, time, null, null, null, null, null, null, null, null, file);
  }

  /**
   * Entry {@code id}, whose submit was never answered, is dismissed by a person; {@code message}
   * says why (for people reading the journal).
   */
  public static JournalRecord forgotten(String id, Instant time, String message) {
    Objects.requireNonNull(id, "id == null");
    return new JournalRecord(
        Kind.FORGOTTEN, id, null, time, null, null, null, null, null, null, null, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The entry id; null on records that name their task by token only. */
  public String id() {
    return id;
  }

  /** The task's handle token; null before the provider accepted the submit. */
  public String token() {
    return token;
  }

  public Instant time() {
    return time;
  }

  public String provider() {
    return provider;
  }

  public String model() {
    return model;
  }

  public String endpoint() {
    return endpoint;
  }

  public Map<String, String> summary() {
    return summary;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public TaskState state() {
    return state;
  }

  public List<String> videoUrls() {
    return videoUrls;
  }

  public String message() {
    return message;
  }

  public String file() {
    return file;
  }

  @Override
  public String toString() {
    return "JournalRecord{" + kind + ", id=" + id + ", token=" + token + ", time=" + time + "}";
  }
}
