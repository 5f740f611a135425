package io.github.pixverse4j.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A job held by a simulator, following its {@link Lifecycle}. Thread-safe.
 *
 * <p>Status endpoints call {@link #observe()} (one read: advances a read-driven lifecycle); result
 * endpoints that must not move the script call {@link #peek()}.
 */
public final class SimJob {
  private final String id;
  private final long sequence;
  private final Instant createdAt;
  private final Lifecycle lifecycle;
  private final Object submittedBody;
  private final DecodedRequest decoded;
  private final Supplier<Instant> now;
  private final AtomicInteger submitCount = new AtomicInteger(1);

  private long reads;
  private JobPhase lastObserved;
  private boolean cancelRequested;
  private boolean cancelled;

  SimJob(
      String id,
      long sequence,
      Instant createdAt,
      Lifecycle lifecycle,
      Object submittedBody,
      DecodedRequest decoded,
      Supplier<Instant> now) {
    this.id = id;
    this.sequence = sequence;
    this.createdAt = createdAt;
    this.lifecycle = lifecycle;
    this.submittedBody = submittedBody;
    this.decoded = decoded;
    this.now = now;
  }

  public String id() {
    return id;
  }

  /** 1-based creation order within the simulator. */
  public long sequence() {
    return sequence;
  }

  /** Creation time on the simulator's clock. */
  public Instant createdAt() {
    return createdAt;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Whatever the per-protocol simulator passed to {@code createJob} (often the parsed body). */
  public Object submittedBody() {
    return submittedBody;
  }

  /**
   * What the request that created the job meant, as the simulator decoded it from the wire; empty
   * when the simulator reports no decoded view (it created the job with {@link
   * ProviderSimulator#createJob(String, Object)}).
   */
  public Optional<DecodedRequest> decoded() {
    return Optional.ofNullable(decoded);
  }

  /** How many accepted submit requests created or targeted this job (1 unless resubmitted). */
  public int submitCount() {
    return submitCount.get();
  }

  void addSubmit() {
    submitCount.incrementAndGet();
  }

  /** Number of {@link #observe()} calls so far. */
  public synchronized long reads() {
    return reads;
  }

  /** True once {@link #cancel()} was called, whether or not it took effect. */
  public synchronized boolean cancelRequested() {
    return cancelRequested;
  }

  /** One status read: returns the phase it shows and moves a read-driven lifecycle on. */
  public synchronized JobPhase observe() {
    JobPhase phase = cancelled ? JobPhase.cancelled() : phaseForRead(reads);
    reads++;
    lastObserved = phase;
    return phase;
  }

  /**
   * The phase the latest {@link #observe()} showed, that is what the last status read answered
   * with; empty before the first read. A test that reads a task's status once through the client
   * compares the client's mapping with this phase.
   */
  public synchronized Optional<JobPhase> lastObserved() {
    return Optional.ofNullable(lastObserved);
  }

  /**
   * The current phase without counting a read: the phase of the last {@link #observe()} (the first
   * step if never observed) or, for a timed lifecycle, the phase now.
   */
  public synchronized JobPhase peek() {
    return cancelled ? JobPhase.cancelled() : currentUncancelled();
  }

  /**
   * Requests cancellation; every later read shows CANCELLED unless the job had already reached a
   * terminal phase. Returns whether it was cancellable.
   */
  public synchronized boolean cancel() {
    cancelRequested = true;
    if (cancelled) {
      return true;
    }
    if (currentUncancelled().isTerminal()) {
      return false;
    }
    cancelled = true;
    return true;
  }

  private JobPhase currentUncancelled() {
    return phaseForRead(Math.max(0, reads - 1));
  }

  private JobPhase phaseForRead(long readIndex) {
    if (lifecycle.isTimed()) {
      return lifecycle.phaseAt(Duration.between(createdAt, now.get()));
    }
    return lifecycle.phaseAtRead(readIndex);
  }

  @Override
  public synchronized String toString() {
    return "SimJob["
        + id
        + ", reads="
        + reads
        + ", submits="
        + submitCount.get()
        + (cancelled ? ", cancelled" : "")
        + ", "
        + lifecycle
        + "]";
  }
}
