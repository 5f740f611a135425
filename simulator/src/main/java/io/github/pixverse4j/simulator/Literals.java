package io.github.pixverse4j.simulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collection literals for Java 8 (where {@code Map.of} and friends do not exist), so the simulator
 * runs on the same JDKs as the library. Maps keep insertion order, which also makes the JSON the
 * simulator writes come out in the order its code lists the fields. Public for the simulators that
 * live in their provider modules (see the testkit README).
 */
public final class Literals {
  private Literals() {}

  /** An unmodifiable map of alternating keys and values. */
  @SuppressWarnings("unchecked")
  public static <K, V> Map<K, V> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0)
      throw new IllegalArgumentException("odd number of keys and values");
    Map<K, V> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (m.put((K) keysAndValues[i], (V) keysAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("duplicate key " + keysAndValues[i]);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** An unmodifiable list of {@code items}, in order. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T> List<T> list(T... items) {
    return Collections.unmodifiableList(Arrays.asList(items.clone()));
  }

  /** An unmodifiable set of {@code items}, in their order. */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public static <T> Set<T> set(T... items) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(items)));
  }
}
