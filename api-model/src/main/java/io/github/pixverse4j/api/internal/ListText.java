package io.github.pixverse4j.api.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one way pixverse4j writes a list into a message: as people write one in a sentence ({@code
 * v3.5, v4 or v4.5}), never Java's {@code [v3.5, v4, v4.5]}. The library's validation messages and
 * the command line use it. Not API: public only for the other pixverse4j modules.
 */
public final class ListText {
  private ListText() {}

  /**
   * {@code items} (each by {@code String.valueOf}) joined with commas, the last two with {@code
   * conjunction} ({@code "or"}, {@code "and"}): {@code "a, b or c"}, {@code "a or b"}, {@code "a"};
   * the empty string for no items.
   */
  public static String of(Collection<?> items, String conjunction) {
    if (items == null) throw new NullPointerException("items == null");
    if (conjunction == null) throw new NullPointerException("conjunction == null");
    List<String> texts = new ArrayList<>();
    for (Object o : items) texts.add(String.valueOf(o));
    if (texts.size() <= 1) return texts.isEmpty() ? "" : texts.get(0);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < texts.size() - 1; i++) b.append(i == 0 ? "" : ", ").append(texts.get(i));
    return b.append(' ')
        .append(conjunction)
        .append(' ')
        .append(texts.get(texts.size() - 1))
        .toString();
  }

  /** {@code "one of " + of(items, "or")}, or the item alone when there is one. */
  public static String oneOf(Collection<?> items) {
    return items.size() == 1 ? of(items, "or") : "one of " + of(items, "or");
  }
}
