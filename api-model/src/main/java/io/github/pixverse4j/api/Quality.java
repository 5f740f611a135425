package io.github.pixverse4j.api;

import java.util.Locale;

/** Output resolution of the generated video. */
public enum Quality {
  P360("360p", 360),
  P540("540p", 540),
  P720("720p", 720),
  P1080("1080p", 1080);

  private final String label;
  private final int lines;

  Quality(String label, int lines) {
    this.label = label;
    this.lines = lines;
  }

  /** The name the providers use on the wire, such as {@code "720p"}. */
  public String label() {
    return label;
  }

  /** The number of lines of the short side, such as 720. */
  public int lines() {
    return lines;
  }

  /**
   * Parses {@code "720p"}, {@code "720"} or {@code "P720"} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Quality parse(String text) {
    if (text == null) throw new NullPointerException("text == null");
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (Quality q : values()) {
      if (q.label.equals(t)
          || q.label.equals(t + "p")
          || q.name().toLowerCase(Locale.ROOT).equals(t)) {
        return q;
      }
    }
    throw new IllegalArgumentException(
        "Unknown quality '" + text + "': use one of 360p, 540p, 720p, 1080p");
  }

  @Override
  public String toString() {
    return label;
  }
}
