package io.github.pixverse4j.client.provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jackson deserializers for the optional numbers of an answer (progress percent, ETA, queue
 * position, size, seed, width, timestamps): a value of another type or out of range is read as
 * absent instead of failing the whole answer, since a hint that cannot be read must never end a
 * task (issue 25). Put one on a wire type's accessor:
 *
 * <pre>
 * &#64;JsonProperty("eta")
 * &#64;JsonDeserialize(using = LenientNumbers.OptionalLong.class)
 * public abstract &#64;Nullable Long eta();
 * </pre>
 *
 * <p>Read: a JSON integer in range; a fraction, rounded towards zero (0.9 is 0); a string holding
 * such a number ({@code "42"}, {@code " 7.5 "}). Absent (null): anything else, such as {@code
 * "50%"}, {@code 1e308}, {@code 123456789012345678901234567890}, {@code true}, an object or an
 * array. What a value means (a percent above 100, a negative size) is the mapping's to clamp or
 * ignore. Each value read as absent is logged once at {@code FINE} on this class's logger, with the
 * field's name.
 */
public final class LenientNumbers {
  private static final Logger LOG = Logger.getLogger(LenientNumbers.class.getName());

  private LenientNumbers() {}

  /** An optional {@link Long}; see {@link LenientNumbers}. */
  public static final class OptionalLong extends StdDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    public OptionalLong() {
      super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(p, Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /** An optional {@link Integer}; see {@link LenientNumbers}. */
  public static final class OptionalInteger extends StdDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    public OptionalInteger() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Long v = read(p, Integer.MIN_VALUE, Integer.MAX_VALUE);
      return v == null ? null : v.intValue();
    }
  }

  /** The longest estimate of the time left that {@link #eta} passes on: one day. */
  public static final Duration MAX_ETA = Duration.ofDays(1);

  /**
   * A provider's estimate of the seconds left as a hint: absent for null, 0 or less (hosts send 0
   * for "no estimate") and above {@link #MAX_ETA} (10^12 s is no estimate either; waiting on it
   * would stop the polling).
   */
  public static Optional<Duration> eta(Long seconds) {
    if (seconds == null || seconds <= 0 || seconds > MAX_ETA.getSeconds()) return Optional.empty();
    return Optional.of(Duration.ofSeconds(seconds));
  }

  /** A progress percent clamped to [0, 100]; absent for null. */
  public static Optional<Integer> percent(Long percent) {
    if (percent == null) return Optional.empty();
    return Optional.of((int) Math.max(0, Math.min(100, percent)));
  }

  /** The whole number of the current value, or null when it is not one within [min, max]. */
  static Long read(JsonParser p, long min, long max) throws IOException {
    JsonToken t = p.currentToken();
    BigDecimal value = null;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      value = p.getDecimalValue();
    } else if (t == JsonToken.VALUE_STRING) {
      value = parse(p.getText());
    } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    // Digits before the point, checked before any conversion: 1e999999999 must not be expanded.
    if (value != null && value.signum() != 0 && value.precision() - value.scale() > 19)
      value = null;
    // |value| < 1 (0.5, 1e-999999999): whole part 0, without dividing by a power of ten.
    if (value != null && (value.signum() == 0 || value.precision() - value.scale() <= 0)) {
      value = BigDecimal.ZERO;
    }
    if (value != null) {
      // Whole part only; BigDecimal keeps 30-digit integers exact, so the range check below
      // cannot be fooled by a double's rounding.
      java.math.BigInteger whole = value.toBigInteger();
      if (whole.bitLength() < 64) {
        long v = whole.longValue();
        if (v >= min && v <= max) return v;
      }
    }
    if (t != JsonToken.VALUE_NULL && LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          "ignored the optional field '"
              + p.currentName()
              + "': not a number in ["
              + min
              + ", "
              + max
              + "]");
    }
    return null;
  }

  private static BigDecimal parse(String text) {
    String s = text.trim();
    // Bounded: a long string of digits is no hint (and BigDecimal parsing is not free).
    if (s.isEmpty() || s.length() > 40) return null;
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
