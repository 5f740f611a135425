package io.github.pixverse4j.client.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An API key that never prints: {@link #toString()} is {@code ApiKey[****]} and no message built by
 * pixverse4j contains the value (when it is {@linkplain #MIN_SCRUBBED_LENGTH long enough} to be a
 * secret). Not {@link java.io.Serializable} on purpose.
 */
public final class ApiKey {
  /**
   * The shortest key, in characters, that messages are scrubbed of: {@value}. A shorter key is no
   * secret (every provider's real keys are far longer, and fewer than 8 characters are quickly
   * guessed), while ordinary words contain it: scrubbing the test key {@code k} turned "Name or
   * service not known" into "Name or service not ****nown". So a shorter key is sent as given but
   * left in messages.
   */
  public static final int MIN_SCRUBBED_LENGTH = 8;

  private final String value;
  private final int hash;

  private ApiKey(String value) {
    this.value = value;
    this.hash = digestPrefix(value);
  }

  /**
   * Wraps {@code apiKey} after trimming surrounding whitespace.
   *
   * @throws IllegalArgumentException when the key is blank or contains a character that cannot be
   *     sent in an HTTP header (control characters, line breaks, non-ASCII); the message never
   *     contains the key
   */
  public static ApiKey of(String apiKey) {
    if (apiKey == null) throw new NullPointerException("apiKey == null");
    String trimmed = apiKey.trim();
    if (trimmed.isEmpty()) throw new IllegalArgumentException("API key is blank");
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      // OkHttp echoes a header value it rejects, so refuse such keys here, without echoing them.
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "API key contains a character that cannot be sent in an HTTP header (a control"
                + " character, line break or non-ASCII character at position "
                + (i + 1)
                + " of "
                + trimmed.length()
                + "); copy the key again without surrounding text");
      }
    }
    return new ApiKey(trimmed);
  }

  /** The key itself. Only for putting it into a request header; never log or display it. */
  public String reveal() {
    return value;
  }

  /**
   * Whether messages are scrubbed of this key: it has at least {@link #MIN_SCRUBBED_LENGTH}
   * characters.
   */
  public boolean isScrubbed() {
    return value.length() >= MIN_SCRUBBED_LENGTH;
  }

  /**
   * {@code text} with every occurrence of the key replaced by {@code ****}; unchanged when the key
   * is {@linkplain #isScrubbed() too short to be a secret}. {@code null} gives {@code null}.
   */
  public String scrub(String text) {
    return text == null || !isScrubbed() ? text : text.replace(value, "****");
  }

  /** Whether {@code text} contains the key and the key {@linkplain #isScrubbed() is scrubbed}. */
  public boolean occursIn(String text) {
    return text != null && isScrubbed() && text.contains(value);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ApiKey)) return false;
    // Constant time for equal lengths, so comparing keys does not leak how much of a prefix
    // matched.
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8),
        ((ApiKey) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "ApiKey[****]";
  }

  // A hash of a digest rather than String.hashCode(), so that a logged hash code says nothing
  // useful about the key's characters.
  private static int digestPrefix(String value) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required on every Java and Android platform", e);
    }
  }
}
