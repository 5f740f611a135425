package io.github.pixverse4j.client.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.http.RetryAfter;
import io.github.pixverse4j.client.internal.Json;
import io.reactivex.rxjava3.core.Scheduler;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import retrofit2.HttpException;

/**
 * What every provider does with an answer, done once: one instance per provider, made with its id,
 * API key and the client's {@link Scheduler}. Every message it builds from an answer has the key
 * scrubbed out, so a provider that builds its messages here cannot leak it.
 *
 * <ul>
 *   <li>{@link #handle}: a {@link TaskHandle} from the provider's task id; a missing, too long or
 *       ill-formed id is a {@link MalformedResponseException} (on a submit: outcome unknown).
 *   <li>{@link #videoUrl}: the one rule for a video URL: absolute {@code http} or {@code https};
 *       {@link #video}: a video with it, the key masked in what is printed and stored.
 *   <li>{@link #canonical}: a status value through the provider's {@link StatusNames}.
 *   <li>{@link #status}: a {@link TaskStatus} builder observed now, by the scheduler's clock.
 *   <li>{@link #errorBody} / {@link #errorJson}: a non-2xx answer's body, read without consuming
 *       it.
 *   <li>{@link #retryAfter}: the wait an answer's headers ask for.
 *   <li>{@link #malformed}, {@link #failure}, {@link #quote}: messages, scrubbed.
 * </ul>
 */
public final class ProviderAnswers {
  private final String providerId;
  private final ApiKey key;
  private final Scheduler scheduler;

  /**
   * @param providerId the id in every handle and exception
   * @param key scrubbed from every message; may be {@code null} (tests of pure mapping)
   * @param scheduler the clock of {@link #now()}: the client's scheduler, so that virtual time in
   *     tests is the time of every observation
   */
  public ProviderAnswers(String providerId, ApiKey key, Scheduler scheduler) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    this.providerId = providerId;
    this.key = key;
    this.scheduler = scheduler;
  }

  public String providerId() {
    return providerId;
  }

  /** The scheduler's current time (millisecond precision). */
  public Instant now() {
    return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
  }

  /** A status of {@code handle} in {@code state}, with the raw value and {@link #now()} set. */
  public TaskStatus.Builder status(TaskHandle handle, TaskState state, String rawStatus) {
    return TaskStatus.builder().handle(handle).state(state).rawStatus(rawStatus).observedAt(now());
  }

  /**
   * The handle of an accepted task. The id is trimmed; an id that is missing, blank, longer than a
   * handle can keep (512 characters) or not well-formed text makes a {@link
   * MalformedResponseException}: the task may exist all the same, and the engine reports a submit
   * failing so as an unknown outcome, never as "Unexpected error".
   *
   * @param field the answer's name of the id ({@code "request_id"}), for the message
   */
  public TaskHandle handle(String model, String providerTaskId, String field) {
    String id = providerTaskId == null ? "" : providerTaskId.trim();
    if (id.isEmpty()) {
      throw malformed(
          "The submit answer has no "
              + field
              + ", so the task cannot be followed;"
              + " check the provider's console for a new task before submitting again");
    }
    try {
      return TaskHandle.of(providerId, model, id);
    } catch (IllegalArgumentException e) {
      throw malformed(
          "The submit answer's "
              + field
              + " "
              + quote(id)
              + " cannot be kept in a task handle ("
              + e.getMessage()
              + "); check the provider's"
              + " console for a new task before submitting again");
    }
  }

  /**
   * A video URL from an answer: trimmed, absolute, {@code http} or {@code https} with a host.
   * Anything else ({@code file:}, {@code javascript:}, relative, unparseable) is a {@link
   * MalformedResponseException} quoting it: the downloader would refuse it later anyway, and a
   * status that says SUCCEEDED must carry a video that can be fetched.
   *
   * @param field the answer's name of the URL ({@code "video.url"}), for the message
   */
  public URI videoUrl(String raw, String field) {
    String url = raw == null ? "" : raw.trim();
    if (url.isEmpty()) throw malformed("The answer reports success but has no " + field);
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // reported below
    }
    throw malformed("The answer's " + field + " is not an absolute http(s) URL: " + quote(url));
  }

  /**
   * A {@link Video} builder with the URL {@link #videoUrl} checks. When the provider put the API
   * key into that URL (a query such as {@code ?token=<key>}), {@link Video#url()} is the URL with
   * the key masked ({@code ****}), safe to print and store, and {@link Video#downloadUrl()} the
   * real one, which only the download uses (issue 25).
   */
  public Video.Builder video(String raw, String field) {
    URI real = videoUrl(raw, field);
    Video.Builder b = Video.builder();
    if (key == null || !key.occursIn(real.toString())) return b.url(real);
    return b.url(URI.create(key.scrub(real.toString()))).downloadUrl(real);
  }

  /** Whether {@code raw} passes {@link #videoUrl}. */
  public static boolean isVideoUrl(String raw) {
    if (raw == null) return false;
    try {
      URI uri = new URI(raw.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * The canonical name of a status value; a missing value or one that {@code names} does not know
   * is a {@link MalformedResponseException} ({@link StatusNames#unknown}, quoting it scrubbed).
   */
  public String canonical(StatusNames names, String raw) {
    if (raw == null || raw.trim().isEmpty()) throw malformed("The status answer has no status");
    Optional<String> c = names.canonical(raw);
    if (!c.isPresent()) throw names.unknown(raw, key);
    return c.get();
  }

  /**
   * {@code "Provider <id> answered something this client cannot use: <message>"}, the key replaced
   * wherever it occurs. Quote parts of the answer with {@link #quote}.
   */
  public MalformedResponseException malformed(String message) {
    return new MalformedResponseException(
        scrub("Provider " + providerId + " answered something this client cannot use: " + message),
        ErrorDetails.provider(providerId));
  }

  /**
   * Like {@link #malformed} for an answer with nothing to read (a 2xx without a body): {@link
   * MalformedResponseException#unreadable()}, so a read is retried and a submit's outcome is
   * unknown, as for any answer that is not JSON.
   */
  public MalformedResponseException unreadable(String message) {
    return new MalformedResponseException(
        scrub("Provider " + providerId + " answered something this client cannot use: " + message),
        ErrorDetails.provider(providerId),
        null,
        true);
  }

  /** A failure of the task; message and code scrubbed and cut like {@link #quote}. */
  public TaskFailure failure(FailureCategory category, String message, String providerCode) {
    TaskFailure.Builder f = TaskFailure.builder().category(category).message(quote(message));
    if (providerCode != null && !providerCode.trim().isEmpty()) f.providerCode(quote(providerCode));
    return f.build();
  }

  /**
   * Text from an answer, safe to put into a message: {@link HttpErrors#snippet(String, ApiKey)}.
   */
  public String quote(String fromAnswer) {
    return HttpErrors.snippet(fromAnswer, key);
  }

  /**
   * {@code text} with every occurrence of the key replaced by {@code ****}; otherwise unchanged
   * (also when the key is shorter than {@link ApiKey#MIN_SCRUBBED_LENGTH}: {@link ApiKey#scrub}).
   */
  public String scrub(String text) {
    return text == null || key == null ? text : key.scrub(text);
  }

  /**
   * The body of a non-2xx answer as text, or {@code ""}; not consumed ({@link
   * HttpErrors#errorBody}).
   */
  public static String errorBody(HttpException e) {
    return HttpErrors.errorBody(e);
  }

  /** The body of a non-2xx answer as JSON, or {@code null} when it is empty or not JSON. */
  public static JsonNode errorJson(HttpException e) {
    return json(errorBody(e));
  }

  /** {@code text} as JSON, or {@code null} when it is empty or not JSON. */
  public static JsonNode json(String text) {
    if (text == null || text.trim().isEmpty()) return null;
    try {
      return Json.mapper().readTree(text);
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** {@code text} read as {@code type}, or {@code null} when it is empty or does not fit. */
  public static <T> T read(String text, Class<T> type) {
    if (text == null || text.trim().isEmpty()) return null;
    try {
      return Json.mapper().readValue(text, type);
    } catch (IOException | RuntimeException doesNotFit) {
      return null;
    }
  }

  /** The headers of a non-2xx answer, or {@code null}. */
  public static Headers headers(HttpException e) {
    return e == null || e.response() == null ? null : e.response().headers();
  }

  /**
   * The wait {@code headers} ask for with {@code Retry-After}, or {@code null}. An HTTP-date is
   * measured by the wall clock (or the answer's {@code Date}), not by the scheduler: it names a
   * real moment on the server's side ({@link RetryAfter#fromHeaders}).
   */
  public static Duration retryAfter(Headers headers) {
    return headers == null ? null : RetryAfter.fromHeaders(headers, Clock.systemUTC()).orElse(null);
  }
}
