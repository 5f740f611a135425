package io.github.pixverse4j.api;

/** How much motion the PixVerse platform API generates; {@code FAST} trades quality for speed. */
public enum MotionMode {
  NORMAL("normal"),
  FAST("fast");

  private final String wireName;

  MotionMode(String wireName) {
    this.wireName = wireName;
  }

  /** The value the provider expects, such as {@code "fast"}. */
  public String wireName() {
    return wireName;
  }
}
