package io.github.pixverse4j.api;

import java.util.Locale;

/**
 * A PixVerse model version. Open-ended: providers ship new versions before this library knows them,
 * so any non-blank name is accepted; the constants are the versions known today.
 */
public final class Model {
  public static final Model V3_5 = new Model("v3.5");
  public static final Model V4 = new Model("v4");
  public static final Model V4_5 = new Model("v4.5");
  public static final Model V5 = new Model("v5");
  public static final Model V6 = new Model("v6");

  private final String name;

  private Model(String name) {
    this.name = name;
  }

  /** Returns the model named {@code name}, such as {@code "v4.5"} (a leading {@code V} is fine). */
  public static Model of(String name) {
    if (name == null) throw new NullPointerException("name == null");
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.isEmpty()) throw new IllegalArgumentException("model name is blank");
    if (!n.startsWith("v")) n = "v" + n;
    if (!n.matches("v[0-9a-z._-]{1,31}")) {
      throw new IllegalArgumentException(
          "Invalid model name '" + name + "': expected e.g. v6 or v4.5");
    }
    return new Model(n);
  }

  /** The version name, such as {@code "v4.5"}. */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Model && ((Model) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
