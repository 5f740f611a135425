package io.github.pixverse4j.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms} or ISO-8601 {@code PT5M}. */
final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  static Duration parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.startsWith("pt")) return Duration.parse(v.toUpperCase(Locale.ROOT));
    if (v.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(v));
    Matcher m = PART.matcher(v);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms":
          total = total.plusMillis(n);
          break;
        case "s":
          total = total.plusSeconds(n);
          break;
        case "m":
          total = total.plusMinutes(n);
          break;
        default:
          total = total.plusHours(n);
          break;
      }
      end = m.end();
    }
    if (end != v.length() || end == 0) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a duration: use e.g. 90s, 5m, 1h30m or PT5M");
    }
    return total;
  }

  /**
   * A clock reading for elapsed time and ETAs on the progress line: {@code 0:42}, {@code 1:02:03}.
   */
  static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  private Durations() {}

  /** The picocli converter for duration options. */
  static final class Converter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d = parse(value);
      if (d.isZero() || d.isNegative()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not more than zero: use e.g. 90s or 20m");
      }
      return d;
    }
  }
}
