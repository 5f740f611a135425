package io.github.pixverse4j.api.internal;

import java.time.Duration;
import java.util.Locale;

/**
 * The one way pixverse4j writes a duration into a message: the way the command line's duration
 * options take it ({@code 2s}, {@code 20m}, {@code 1m30s}, {@code 1h5m}, {@code 300ms}, {@code
 * 1.5s}), never ISO-8601's {@code PT20M}. Every library message that prints a duration and the
 * command line use it, so a message reads the same in a stack trace and on a terminal and can be
 * pasted back into an option. Not API: public only for the other pixverse4j modules.
 */
public final class DurationText {
  private DurationText() {}

  /**
   * {@code d} as hours, minutes and seconds, each left out when zero; seconds keep their fraction
   * ({@code 1.5s}, to the nanosecond, so a duration that is not whole seconds never reads as if it
   * were); below a second, whole milliseconds ({@code 300ms}); zero is {@code 0s}, a negative
   * duration has a leading {@code -}.
   */
  public static String of(Duration d) {
    if (d == null) throw new NullPointerException("d == null");
    if (d.isNegative()) return "-" + of(d.negated());
    if (d.isZero()) return "0s";
    long s = d.getSeconds();
    int nanos = d.getNano();
    if (s == 0 && nanos % 1_000_000 == 0) return nanos / 1_000_000 + "ms";
    StringBuilder b = new StringBuilder();
    if (s >= 3600) b.append(s / 3600).append('h');
    if ((s / 60) % 60 != 0) b.append((s / 60) % 60).append('m');
    if (s % 60 != 0 || nanos != 0) {
      b.append(s % 60);
      if (nanos != 0) {
        b.append('.').append(String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", ""));
      }
      b.append('s');
    }
    return b.toString();
  }

  /** {@link #of(Duration)} of a number of seconds. */
  public static String ofSeconds(long seconds) {
    return of(Duration.ofSeconds(seconds));
  }
}
