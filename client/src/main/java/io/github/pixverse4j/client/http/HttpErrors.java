package io.github.pixverse4j.client.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.internal.DurationText;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.HttpException;

/**
 * Turns HTTP failures into the {@link VideoApiException} hierarchy, the same way for every
 * provider.
 *
 * <p>Status mapping of {@link #fromResponse}: first, any 4xx/5xx (but 429) whose code or text
 * {@link #saysCannotPay says the account cannot pay} → {@link InsufficientCreditsException}; then
 * 400, 413, 422 → {@link InvalidRequestException}; 401, 403 → {@link AuthenticationException}; 402
 * → {@link InsufficientCreditsException}; 404, 410 → {@link TaskNotFoundException}; 408, 425, 429 →
 * {@link RateLimitedException}; 503 with a {@code Retry-After} → {@link RateLimitedException} (the
 * provider asked us to wait, and did not accept the request); other 5xx → {@link
 * ProviderUnavailableException}; anything else → a plain {@link VideoApiException}. A {@code
 * Retry-After} header is carried by every {@link RateLimitedException} and can be read back with
 * {@link #retryAfter(Throwable)}.
 *
 * <p>Messages never contain the API key: body snippets are scrubbed of the key, stripped of control
 * characters and cut to {@value #MAX_SNIPPET_CHARS} characters.
 */
public final class HttpErrors {
  /** Longest body excerpt put into a message. */
  public static final int MAX_SNIPPET_CHARS = 300;

  private static final long SNIPPET_READ_BYTES = 8 * 1024;

  private HttpErrors() {}

  /**
   * Same as {@link #fromResponse(String, int, Headers, String, String, String, ApiKey)} without a
   * key to scrub.
   */
  public static VideoApiException fromResponse(
      String providerId,
      int httpStatus,
      Headers headers,
      String bodySnippet,
      String providerCode,
      String providerMessage) {
    return fromResponse(
        providerId, httpStatus, headers, bodySnippet, providerCode, providerMessage, null);
  }

  /**
   * The default exception for an unsuccessful HTTP answer (see the class comment for the table).
   *
   * @param headers the response headers, for {@code Retry-After}; may be {@code null}
   * @param bodySnippet an excerpt of the body, used when {@code providerMessage} is absent; may be
   *     {@code null}
   * @param providerCode the provider's own error code, when its body had one; may be {@code null}
   * @param providerMessage the provider's own error message; may be {@code null}
   * @param keyToScrub removed from the snippet and message; may be {@code null}
   */
  public static VideoApiException fromResponse(
      String providerId,
      int httpStatus,
      Headers headers,
      String bodySnippet,
      String providerCode,
      String providerMessage,
      ApiKey keyToScrub) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    ErrorAnswer answer =
        ErrorAnswer.of(providerId, httpStatus, keyToScrub)
            .withCode(providerCode)
            .withWords(providerMessage, bodySnippet);
    ErrorDetails details = answer.details();
    String suffix = answer.saidSuffix();
    Duration retryAfter =
        headers == null ? null : RetryAfter.fromHeaders(headers, Clock.systemUTC()).orElse(null);
    String p = "Provider " + providerId;

    // The provider's own words decide before the status: fal-style queues answer an exhausted
    // balance with 403 ("User is locked. Reason: Exhausted balance"), and a user with a valid
    // key must not be told to check it.
    if (httpStatus >= 400
        && httpStatus != 402
        && httpStatus != 429
        && saysCannotPay(providerCode, providerMessage, bodySnippet)) {
      return new InsufficientCreditsException(
          p
              + " says the account cannot pay for this job (HTTP "
              + httpStatus
              + "): top up the"
              + " account or choose a cheaper setting; the API key itself was accepted"
              + suffix,
          details);
    }
    if (httpStatus == 503 && retryAfter != null) {
      return new RateLimitedException(
          p
              + " is temporarily unable to take requests (HTTP 503) and asked us to wait"
              + waitHint(retryAfter)
              + suffix,
          details,
          retryAfter);
    }
    switch (httpStatus) {
      case 400:
      case 413:
      case 422:
        return new InvalidRequestException(
            p + " rejected the request as invalid (HTTP " + httpStatus + ")" + suffix,
            Collections.emptyList(),
            details);
      case 401:
        return new AuthenticationException(
            p
                + " did not accept the API key (HTTP 401): check that the key is correct, complete"
                + " and still active"
                + suffix,
            details);
      case 403:
        return new AuthenticationException(
            p
                + " refused access (HTTP 403): check the API key and that its account has"
                + " permission for this model and endpoint"
                + suffix,
            details);
      case 402:
        return new InsufficientCreditsException(
            p
                + " says the account cannot pay for this job (HTTP 402): top up the account or"
                + " choose a cheaper setting"
                + suffix,
            details);
      case 404:
      case 410:
        return new TaskNotFoundException(
            p
                + " does not know this task or endpoint (HTTP "
                + httpStatus
                + "): the id may be"
                + " wrong, belong to another account, or have expired"
                + suffix,
            details);
      case 429:
        return new RateLimitedException(
            p
                + " is rate-limiting this account (HTTP 429): slow down"
                + waitHint(retryAfter)
                + suffix,
            details,
            retryAfter);
      case 408:
      case 425:
        return new RateLimitedException(
            p
                + " did not process the request (HTTP "
                + httpStatus
                + "): it is safe to send it"
                + " again later"
                + waitHint(retryAfter)
                + suffix,
            details,
            retryAfter);
      default:
        if (httpStatus >= 500 && httpStatus <= 599) {
          return new ProviderUnavailableException(
              p + " failed with a server error (HTTP " + httpStatus + "): try again later" + suffix,
              details);
        }
        return new VideoApiException(
            p
                + " answered HTTP "
                + httpStatus
                + ", which this client does not expect here"
                + suffix,
            details);
    }
  }

  /**
   * Whether a provider's error code or text says the account cannot pay: a documented code ({@code
   * BILLING_BALANCE_NOT_ENOUGH} of the v3 async APIs, {@code INSUFFICIENT_BALANCE}, fal's
   * "Exhausted balance"), or the usual wording ("insufficient balance/credits/funds", "balance is
   * not enough", "out of credits", "top up"). {@code null} texts are skipped.
   */
  public static boolean saysCannotPay(String... texts) {
    for (String t : texts) {
      if (t == null) continue;
      String l = t.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      if (l.contains("insufficient")
          && (l.contains("balance") || l.contains("credit") || l.contains("fund"))) {
        return true;
      }
      if (l.contains("exhausted balance")
          || l.contains("balance exhausted")
          || l.contains("balance not enough")
          || l.contains("balance is not enough")
          || l.contains("out of credits")
          || l.contains("no credits left")
          || l.contains("top up")
          || l.contains("billing balance")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The default mapping of a Retrofit {@link HttpException}: reads the (already buffered, capped)
   * error body for a snippet, then {@link #fromResponse}.
   */
  public static VideoApiException fromHttpException(
      String providerId, HttpException e, ApiKey keyToScrub) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (e == null) throw new NullPointerException("e == null");
    retrofit2.Response<?> response = e.response();
    Headers headers = response == null ? null : response.headers();
    String snippet = snippet(errorBody(e), keyToScrub);
    return fromResponse(providerId, e.code(), headers, snippet, null, null, keyToScrub);
  }

  /**
   * The whole error body of {@code e} as text, or {@code ""}. Does not consume it, so a provider's
   * mapper can read it and still fall back to {@link #fromHttpException}. The body was already
   * limited by {@link BodyLimitInterceptor}. Never put it into a message as is: use {@link
   * #snippet(String, ApiKey)}.
   */
  public static String errorBody(HttpException e) {
    if (e == null) throw new NullPointerException("e == null");
    retrofit2.Response<?> response = e.response();
    ResponseBody body = response == null ? null : response.errorBody();
    if (body == null) return "";
    try {
      return body.source().peek().readString(charset(body));
    } catch (IOException | RuntimeException readFailed) {
      return "";
    }
  }

  /**
   * {@code text} made safe for a message: every occurrence of the key replaced by {@code ****} (a
   * key shorter than {@link ApiKey#MIN_SCRUBBED_LENGTH} stays: {@link ApiKey#scrub}), control and
   * formatting characters replaced by spaces, whitespace runs collapsed, and cut to {@value
   * #MAX_SNIPPET_CHARS} characters. {@code null} gives {@code ""}.
   */
  public static String snippet(String text, ApiKey keyToScrub) {
    if (text == null || text.isEmpty()) return "";
    // A key too short to be a secret stays (ApiKey.MIN_SCRUBBED_LENGTH): it would mangle words.
    String key = keyToScrub == null || !keyToScrub.isScrubbed() ? null : keyToScrub.reveal();
    if (key != null) text = text.replace(key, "****");
    StringBuilder b = new StringBuilder(Math.min(text.length(), 4 * MAX_SNIPPET_CHARS));
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean blank =
          Character.isWhitespace(c)
              || type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      if (blank) {
        space = b.length() > 0;
        continue;
      }
      if (space) b.append(' ');
      space = false;
      b.append(c);
      // Enough for the cut, plus room for a key split by a removed control character.
      if (b.length() > MAX_SNIPPET_CHARS + (key == null ? 0 : 2 * key.length() + 16)) break;
    }
    String clean = key == null ? b.toString() : scrubAcrossSpaces(b.toString(), key);
    if (clean.length() <= MAX_SNIPPET_CHARS) return clean;
    int end = MAX_SNIPPET_CHARS - 1;
    if (Character.isHighSurrogate(clean.charAt(end - 1))) end--;
    return clean.substring(0, end) + "…";
  }

  // Replaces the key also where line breaks or control characters (now single spaces) split it.
  private static String scrubAcrossSpaces(String text, String key) {
    StringBuilder compact = new StringBuilder(text.length());
    int[] positions = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != ' ') {
        positions[compact.length()] = i;
        compact.append(text.charAt(i));
      }
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int at = compact.indexOf(key); at >= 0; at = compact.indexOf(key, at + key.length())) {
      out.append(text, copied, positions[at]).append("****");
      copied = positions[at + key.length() - 1] + 1;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** {@link #snippet(String, ApiKey)} of the first bytes of {@code bytes}, read as UTF-8. */
  public static String snippet(byte[] bytes, ApiKey keyToScrub) {
    if (bytes == null) return "";
    int n = (int) Math.min(bytes.length, SNIPPET_READ_BYTES);
    return snippet(new String(bytes, 0, n, StandardCharsets.UTF_8), keyToScrub);
  }

  /**
   * {@link #snippet(String, ApiKey)} of the start of {@code body}, without consuming it; reads at
   * most 8 KiB. A body that cannot be read gives {@code ""}.
   */
  public static String snippet(ResponseBody body, ApiKey keyToScrub) {
    if (body == null) return "";
    try {
      BufferedSource peek = body.source().peek();
      peek.request(SNIPPET_READ_BYTES);
      long n = Math.min(SNIPPET_READ_BYTES, peek.getBuffer().size());
      return snippet(peek.readString(n, charset(body)), keyToScrub);
    } catch (IOException | RuntimeException readFailed) {
      return "";
    }
  }

  /** OkHttp 3's "Failed to connect to host/1.2.3.4:9": the host (else the address) and port. */
  private static final java.util.regex.Pattern CONNECT_TARGET =
      java.util.regex.Pattern.compile("Failed to connect to (\\S*)/(\\S+):(\\d+)");

  /** Where a connection failed, as {@code host:port}; null when the message does not say. */
  private static String connectTarget(String message) {
    if (message == null) return null;
    java.util.regex.Matcher m = CONNECT_TARGET.matcher(message);
    if (!m.find()) return null;
    String host = m.group(1).isEmpty() ? m.group(2) : m.group(1);
    return snippet(
        host.indexOf(':') >= 0 ? "[" + host + "]:" + m.group(3) : host + ":" + m.group(3), null);
  }

  /**
   * Why a connection failed, in lower case ({@code connection refused}): the system's words under
   * OkHttp's "Failed to connect to …", else what the kind of failure means.
   */
  private static String connectReason(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String why =
        t == e && e.getMessage() != null && e.getMessage().startsWith("Failed to connect")
            ? ""
            : snippet(t.getMessage(), null);
    // Older JDKs say "Connection refused (Connection refused)".
    why = why.replaceFirst("^(.+) \\(\\1\\)$", "$1");
    if (why.isEmpty()) {
      if (e instanceof NoRouteToHostException) return "no route to host";
      if (e instanceof PortUnreachableException) return "port unreachable";
      return "connection refused";
    }
    return why.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + why.substring(1);
  }

  /**
   * A {@link TransportException} for a failed exchange. {@link
   * TransportException#requestMayHaveReachedServer()} is {@code false} only when the request
   * provably never left: the host did not resolve, the connection was refused or unroutable, or the
   * TLS handshake failed (certificate or hostname mismatch), or {@code e} is a {@link
   * RequestNotSentException} (the call failed before any byte of the request was written, which
   * clients from {@link HttpClients#forProvider} report). Everything else (timeouts, resets,
   * truncated or oversized bodies, cancellation) is {@code true}.
   *
   * <p>Caveat: with OkHttp's {@code retryOnConnectionFailure} (on by default) OkHttp may itself
   * have sent the request on a pooled connection that then failed and retried on a new one; a
   * refused retry then hides the earlier attempt. Clients that must never resend a submit should
   * disable {@code retryOnConnectionFailure} for that call ({@link HttpClients#forProvider} does).
   */
  public static TransportException fromIOException(String providerId, IOException e) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (e == null) throw new NullPointerException("e == null");
    if (e instanceof RequestNotSentException)
      return notSent(providerId, (RequestNotSentException) e);
    ErrorDetails details = ErrorDetails.provider(providerId);
    String p = "provider " + providerId;
    String why = snippet(e.getMessage(), null);
    String because = why.isEmpty() ? "" : " (" + why + ")";
    if (e instanceof UnknownHostException) {
      return new TransportException(
          "Could not resolve the host of " + p + because + "; the request was not sent",
          details,
          e,
          false);
    }
    if (e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException) {
      String at = connectTarget(e.getMessage());
      return new TransportException(
          "Could not connect to "
              + p
              + (at == null ? "" : " at " + at)
              + " ("
              + connectReason(e)
              + "); the request was not sent",
          details,
          e,
          false);
    }
    if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
      return new TransportException(
          "The TLS handshake with "
              + p
              + " failed"
              + because
              + "; the request was not sent. Check the base URL and the system's certificates",
          details,
          e,
          false);
    }
    if (e instanceof BodyLimitInterceptor.ResponseTooLargeException) {
      return new TransportException(
          "The response of " + p + " was too large" + because, details, e, true);
    }
    if (e instanceof SocketTimeoutException) {
      return new TransportException(
          "Timed out waiting for " + p + because + "; the request may have reached it",
          details,
          e,
          true);
    }
    if (e instanceof InterruptedIOException) {
      return new TransportException(
          "The call to "
              + p
              + " timed out or was cancelled"
              + because
              + "; the request may have reached it",
          details,
          e,
          true);
    }
    return new TransportException(
        "The connection to "
            + p
            + " failed ("
            + e.getClass().getSimpleName()
            + (why.isEmpty() ? "" : ": " + why)
            + "); the request may have reached it",
        details,
        e,
        true);
  }

  private static TransportException notSent(String providerId, RequestNotSentException e) {
    IOException cause = e.getCause();
    TransportException known = fromIOException(providerId, cause);
    // Refused, unresolved, TLS: already "not sent", with their own advice and cause.
    if (!known.requestMayHaveReachedServer()) return known;
    String why = snippet(cause.getMessage(), null);
    return new TransportException(
        "The connection to provider "
            + providerId
            + " failed before the request was sent ("
            + cause.getClass().getSimpleName()
            + (why.isEmpty() ? "" : ": " + why)
            + "); nothing was sent",
        ErrorDetails.provider(providerId),
        e,
        false);
  }

  /**
   * A {@link MalformedResponseException} for a body that could not be parsed or bound.
   *
   * @param snippet an excerpt of the body, already made safe with {@link #snippet}; may be {@code
   *     null}
   */
  public static MalformedResponseException fromJsonError(
      String providerId, Throwable jsonError, String snippet, ApiKey keyToScrub) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (jsonError == null) throw new NullPointerException("jsonError == null");
    String reason =
        jsonError instanceof JsonProcessingException
            ? ((JsonProcessingException) jsonError).getOriginalMessage()
            : jsonError.getMessage();
    // Name the field: Jackson's own message says what type it wanted, its path says where.
    String field = fieldPath(jsonError);
    if (!field.isEmpty()) reason = reason + " (field " + field + ")";
    reason = snippet(reason, keyToScrub);
    String body = snippet(snippet, keyToScrub);
    return new MalformedResponseException(
        "Provider "
            + providerId
            + " answered something that is not the expected JSON"
            + (reason.isEmpty() ? "" : ": " + reason)
            + (body.isEmpty() ? "" : ". Body starts: " + body),
        ErrorDetails.provider(providerId),
        scrubbedCause(jsonError, keyToScrub),
        isUnreadable(jsonError));
  }

  /**
   * The JSON path of the field a binding error is about, such as {@code task.progress_percent} or
   * {@code videos[0].video_url}; {@code ""} when the error names none (a syntax error).
   */
  static String fieldPath(Throwable jsonError) {
    if (!(jsonError instanceof com.fasterxml.jackson.databind.JsonMappingException)) return "";
    StringBuilder b = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r :
        ((com.fasterxml.jackson.databind.JsonMappingException) jsonError).getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) b.append('.');
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /**
   * Whether a parser error says the body was not JSON at all (a syntax error such as an HTML page,
   * a cut-off body, or no content), as opposed to JSON of the wrong shape.
   */
  static boolean isUnreadable(Throwable jsonError) {
    // Databind wraps a syntax error met inside a property (a body cut off in a string value) in a
    // JsonMappingException, so the causes count too.
    for (Throwable t = jsonError; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonParseException) return true; // includes JsonEOFException (cut off)
      if (t instanceof MismatchedInputException) {
        String m = String.valueOf(((MismatchedInputException) t).getOriginalMessage());
        if (m.contains("end-of-input"))
          return true; // "No content to map due to end-of-input": empty
      }
    }
    return false;
  }

  /**
   * The parser's exception, or, when its message quotes the key (parsers quote the offending
   * token), a plain stand-in with the scrubbed message and the same stack trace.
   */
  private static Throwable scrubbedCause(Throwable error, ApiKey key) {
    if (key == null) return error;
    String message = String.valueOf(error.getMessage());
    String scrubbed = snippet(message, key);
    if (scrubbed.equals(snippet(message, null))) return error;
    IOException standIn = new IOException(error.getClass().getSimpleName() + ": " + scrubbed);
    standIn.setStackTrace(error.getStackTrace());
    return standIn;
  }

  /**
   * Whether {@code t} (or a cause) is an answer over the body cap of {@link BodyLimitInterceptor}:
   * hostile or broken, so reading it again would only waste more.
   */
  public static boolean isOversized(Throwable t) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof BodyLimitInterceptor.ResponseTooLargeException) return true;
    }
    return false;
  }

  /** The wait asked for by a {@link RateLimitedException} in {@code t} or its causes. */
  public static Optional<Duration> retryAfter(Throwable t) {
    for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
      if (t instanceof RateLimitedException) return ((RateLimitedException) t).retryAfter();
    }
    return Optional.empty();
  }

  /**
   * The {@link VideoApiException} for any error of a Retrofit call: {@link VideoApiException}s pass
   * unchanged, {@link HttpException}s go through {@code httpMapper}, Jackson errors become {@link
   * MalformedResponseException}, other {@link IOException}s become {@link TransportException}.
   * Anything else (a bug) is returned unchanged. {@link ErrorMappingCallAdapterFactory} applies it
   * to every provider call.
   */
  static Throwable toVideoApiException(
      String providerId,
      Throwable error,
      Function<? super HttpException, ? extends VideoApiException> httpMapper,
      ApiKey keyToScrub) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (httpMapper == null) throw new NullPointerException("httpMapper == null");
    if (error instanceof VideoApiException) return error;
    if (error instanceof HttpException) {
      VideoApiException mapped = httpMapper.apply((HttpException) error);
      return mapped != null
          ? mapped
          : fromHttpException(providerId, (HttpException) error, keyToScrub);
    }
    // Retrofit passes the converter's Jackson exception through unchanged; it is an IOException,
    // so it must be checked first.
    if (error instanceof JsonProcessingException)
      return fromJsonError(providerId, error, null, keyToScrub);
    if (error instanceof IOException) return fromIOException(providerId, (IOException) error);
    // Retrofit's RxJava adapter emits no value for a 2xx answer without a body (204, 205), and a
    // Single then fails with NoSuchElementException. Unreadable: a read is retried, a submit's
    // outcome is unknown (the provider accepted something), never "not accepted" (issue 25).
    if (error instanceof NoSuchElementException) {
      return new MalformedResponseException(
          "Provider "
              + providerId
              + " answered without a body"
              + " (HTTP 204 or 205) where its answer was expected",
          ErrorDetails.provider(providerId),
          error,
          true);
    }
    return error;
  }

  private static String waitHint(Duration retryAfter) {
    return retryAfter == null
        ? ""
        : " (it asked to wait " + DurationText.ofSeconds(retryAfter.getSeconds()) + ")";
  }

  private static Charset charset(ResponseBody body) {
    MediaType type = body.contentType();
    Charset c = null;
    try {
      c = type == null ? null : type.charset();
    } catch (RuntimeException unsupported) {
      // fall back to UTF-8
    }
    return c == null ? StandardCharsets.UTF_8 : c;
  }
}
