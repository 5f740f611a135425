package io.github.pixverse4j.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A settable {@link Clock} for tests: time stands still until {@link #advance(Duration)} moves it.
 * Install it with {@link ProviderSimulator#clock(Clock)} to drive {@link Lifecycle#timed()}
 * lifecycles without sleeping. Thread-safe.
 */
public final class SimClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  /** A clock standing at 2025-01-01T00:00:00Z. */
  public SimClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  public SimClock(Instant start) {
    this(new AtomicReference<>(Objects.requireNonNull(start, "start == null")), ZoneOffset.UTC);
  }

  private SimClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves the clock forward (or back, for a negative duration) and returns the new instant. */
  public Instant advance(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    return now.updateAndGet(t -> t.plus(duration));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant == null"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** Returns a view in another zone that shares this clock's time. */
  @Override
  public SimClock withZone(ZoneId zone) {
    return new SimClock(now, Objects.requireNonNull(zone, "zone == null"));
  }

  @Override
  public String toString() {
    return "SimClock[" + now.get() + "]";
  }
}
