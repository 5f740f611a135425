package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.client.http.ApiKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's status values, read the same way for every provider: spelling is not a state. A
 * value is matched after {@link #normalise normalising} it (surrounding whitespace removed, case
 * ignored, {@code -} and spaces read as {@code _}), against the provider's documented values and
 * their documented synonyms. A value that matches nothing is an error that quotes it exactly as
 * received.
 *
 * <pre>{@code
 * static final StatusNames STATUSES = StatusNames.builder("odirouter")
 *     .add("IN_QUEUE").add("IN_PROGRESS").add("COMPLETED")
 *     .add("CANCELLED", "CANCELED")   // fal-compatible services spell it both ways
 *     .build();
 * switch (STATUSES.canonical(raw).orElseThrow(() -> STATUSES.unknown(raw, key))) { ... }
 * }</pre>
 */
public final class StatusNames {
  /** Longest part of an unknown value quoted in a message. */
  static final int MAX_QUOTED_CHARS = 80;

  private final String providerId;
  private final Map<String, String> canonicalByNormalised;
  private final List<String> canonicalNames;

  private StatusNames(String providerId, Map<String, String> byNormalised, List<String> names) {
    this.providerId = providerId;
    this.canonicalByNormalised = byNormalised;
    this.canonicalNames = names;
  }

  /** Starts the table of {@code providerId}'s status values. */
  public static Builder builder(String providerId) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    return new Builder(providerId);
  }

  /**
   * {@code raw} trimmed, upper-cased (locale-independent), with {@code -} and spaces as {@code _}.
   */
  public static String normalise(String raw) {
    if (raw == null) throw new NullPointerException("raw == null");
    StringBuilder b = new StringBuilder(raw.trim().toUpperCase(Locale.ROOT));
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c == '-' || c == ' ') b.setCharAt(i, '_');
    }
    return b.toString();
  }

  /**
   * Whether a provider's error type or text says the task was cancelled ({@code "Request was
   * cancelled"}, {@code request_cancelled}, {@code CANCELED}), in either spelling. Providers use it
   * to report such an answer as {@link io.github.pixverse4j.api.FailureCategory#CANCELLED}, which
   * the engine turns into the {@code CANCELLED} state.
   */
  public static boolean mentionsCancellation(String text) {
    if (text == null) return false;
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("cancelled") || t.contains("canceled") || t.contains("cancellation");
  }

  /** The canonical name {@code raw} stands for, or empty when it is none of the known values. */
  public Optional<String> canonical(String raw) {
    if (raw == null) return Optional.empty();
    return Optional.ofNullable(canonicalByNormalised.get(normalise(raw)));
  }

  /** The canonical names, in the order they were added. */
  public List<String> names() {
    return canonicalNames;
  }

  /**
   * The error for a value that is none of the known ones: it quotes the value exactly as received
   * (control characters escaped, the key removed) and lists the known values.
   */
  public MalformedResponseException unknown(String raw, ApiKey keyToScrub) {
    return new MalformedResponseException(
        "Provider "
            + providerId
            + " answered the status value "
            + quote(raw, keyToScrub)
            + ", which this version of pixverse4j does not know (known: "
            + String.join(", ", canonicalNames)
            + ", in any case). The task may still be running: watch it again after upgrading, or"
            + " report the value",
        ErrorDetails.provider(providerId));
  }

  /**
   * {@code raw} in double quotes, exactly as received but with control characters escaped and the
   * key replaced.
   */
  static String quote(String raw, ApiKey keyToScrub) {
    if (raw == null) return "null";
    String text = raw;
    if (keyToScrub != null) text = keyToScrub.scrub(text);
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length() && i < MAX_QUOTED_CHARS; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (text.length() > MAX_QUOTED_CHARS) b.append("… (").append(text.length()).append(" chars)");
    return b.toString();
  }

  /** Builds a {@link StatusNames}. */
  public static final class Builder {
    private final String providerId;
    private final Map<String, String> byNormalised = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    private Builder(String providerId) {
      this.providerId = providerId;
    }

    /**
     * A documented value and its documented synonyms; {@link #canonical} answers {@code name} for
     * any of them, whatever their spelling.
     */
    public Builder add(String name, String... synonyms) {
      if (name == null) throw new NullPointerException("name == null");
      put(name, name);
      for (String s : synonyms) put(s, name);
      names.add(name);
      return this;
    }

    private void put(String value, String name) {
      String key = normalise(value);
      String before = byNormalised.putIfAbsent(key, name);
      if (before != null && !before.equals(name)) {
        throw new IllegalArgumentException("'" + value + "' already stands for " + before);
      }
    }

    public StatusNames build() {
      return new StatusNames(
          providerId,
          Collections.unmodifiableMap(new LinkedHashMap<>(byNormalised)),
          Collections.unmodifiableList(new ArrayList<>(names)));
    }
  }
}
