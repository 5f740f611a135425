package io.github.pixverse4j.client.provider;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded set of recently seen keys, each kept for a time and at most {@code capacity} of them
 * (the oldest go first): the engine's duplicate filter of callback events and a provider's nonce
 * replay cache. Thread-safe.
 */
public final class RecentKeys {
  private final int capacity;
  private final long keepMillis;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  /**
   * @param capacity most keys kept, 1 or more
   * @param keepMillis how long a key is kept after it was added, in milliseconds of the caller's
   *     clock; {@code Long.MAX_VALUE} for as long as capacity allows
   */
  public RecentKeys(int capacity, long keepMillis) {
    if (capacity < 1) throw new IllegalArgumentException("capacity " + capacity);
    if (keepMillis < 0) throw new IllegalArgumentException("keepMillis " + keepMillis);
    this.capacity = capacity;
    this.keepMillis = keepMillis;
  }

  /**
   * Adds {@code key} seen at {@code nowMillis}.
   *
   * @return true when it was not among the recent keys (first time), false for a repeat
   */
  public synchronized boolean add(String key, long nowMillis) {
    expire(nowMillis);
    Long at = seen.get(key);
    if (at != null) return false;
    seen.put(key, nowMillis);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** Whether {@code key} is among the recent keys at {@code nowMillis}. */
  public synchronized boolean contains(String key, long nowMillis) {
    expire(nowMillis);
    return seen.containsKey(key);
  }

  /** How many keys are kept now. */
  public synchronized int size() {
    return seen.size();
  }

  private void expire(long nowMillis) {
    if (keepMillis == Long.MAX_VALUE) return;
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (nowMillis - e.getValue() < keepMillis) return; // insertion order: the rest are newer
      it.remove();
    }
  }
}
