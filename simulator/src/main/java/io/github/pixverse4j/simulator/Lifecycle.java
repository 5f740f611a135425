package io.github.pixverse4j.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The scripted course of a simulated job: the phases its status reads show, ending in a terminal
 * phase.
 *
 * <p>A lifecycle is driven either by status reads ({@link #builder()}: each {@link
 * SimJob#observe()} moves one step on) or by time ({@link #timed()}: the phase depends on how much
 * of the simulator's {@link ProviderSimulator#clock() clock} has passed since the job was created;
 * use a {@link SimClock} in tests). Once the steps are used up every read shows the terminal phase.
 *
 * <pre>{@code
 * Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded();
 * // reads: QUEUED pos 3, QUEUED pos 2, RUNNING 30%, RUNNING 60%, RUNNING 90%, SUCCEEDED, SUCCEEDED...
 * }</pre>
 */
public final class Lifecycle {
  private final List<JobPhase> readSteps;
  private final List<TimedSegment> segments;
  private final JobPhase terminal;

  private Lifecycle(List<JobPhase> readSteps, List<TimedSegment> segments, JobPhase terminal) {
    this.readSteps = readSteps;
    this.segments = segments;
    this.terminal = terminal;
  }

  /** Starts a lifecycle that advances one step per status read. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a lifecycle that advances with the simulator's clock. */
  public static TimedBuilder timed() {
    return new TimedBuilder();
  }

  /** Every read shows SUCCEEDED. */
  public static Lifecycle immediateSuccess() {
    return builder().succeeded();
  }

  /**
   * A few seconds of real time for demos: queued for 1 s (position 2, then 1), running for 3 s with
   * progress rising from 5 to 95 % and an ETA, then succeeded.
   */
  public static Lifecycle defaultDemo() {
    return timed()
        .queued(Duration.ofSeconds(1), 2)
        .running(Duration.ofSeconds(3), 5, 95)
        .withEta()
        .succeeded();
  }

  /** True when the phase depends on elapsed time rather than on the number of reads. */
  public boolean isTimed() {
    return segments != null;
  }

  /** The phase every read shows once the scripted steps are used up. */
  public JobPhase terminalPhase() {
    return terminal;
  }

  /** The phase shown by the read with this 0-based index (read-driven lifecycles). */
  JobPhase phaseAtRead(long readIndex) {
    return readIndex < readSteps.size() ? readSteps.get((int) readIndex) : terminal;
  }

  /** The phase after this much time since creation (timed lifecycles). */
  JobPhase phaseAt(Duration elapsed) {
    long elapsedNanos = Math.max(0, elapsed.toNanos());
    long total = 0;
    for (TimedSegment s : segments) {
      total += s.length.toNanos();
    }
    long start = 0;
    for (TimedSegment s : segments) {
      long end = start + s.length.toNanos();
      if (elapsedNanos < end) {
        double fraction = (elapsedNanos - start) / (double) s.length.toNanos();
        Integer eta = s.eta ? (int) Math.ceil((total - elapsedNanos) / 1e9) : null;
        return s.phaseAt(fraction, eta);
      }
      start = end;
    }
    return terminal;
  }

  @Override
  public String toString() {
    List<Object> parts = new ArrayList<>();
    if (isTimed()) {
      parts.addAll(segments);
    } else {
      parts.addAll(readSteps);
    }
    parts.add(terminal);
    return (isTimed() ? "Lifecycle.timed" : "Lifecycle.perRead") + parts;
  }

  /** Builds a read-driven {@link Lifecycle}; each step is shown by exactly one status read. */
  public static final class Builder extends Ending {
    private final List<JobPhase> steps = new ArrayList<>();
    private int lastRunningStart = -1;

    private Builder() {}

    /** Queued for {@code reads} reads without a queue position. */
    public Builder queued(int reads) {
      requireNonNegative(reads, "reads");
      for (int i = 0; i < reads; i++) {
        steps.add(JobPhase.queued(null));
      }
      return this;
    }

    /**
     * Queued for {@code reads} reads, the position counting down by one per read from {@code
     * startPosition} and never below 1.
     */
    public Builder queued(int reads, int startPosition) {
      requireNonNegative(reads, "reads");
      requireNonNegative(startPosition, "startPosition");
      for (int i = 0; i < reads; i++) {
        steps.add(JobPhase.queued(Math.max(1, startPosition - i)));
      }
      return this;
    }

    /** Queued for one read per given position (a null position is not reported). */
    public Builder queuedAt(Integer... positions) {
      Objects.requireNonNull(positions, "positions == null");
      for (Integer p : positions) {
        steps.add(JobPhase.queued(p));
      }
      return this;
    }

    /** Running for one read per given progress percentage (0..100). */
    public Builder running(int... progressPercents) {
      Objects.requireNonNull(progressPercents, "progressPercents == null");
      lastRunningStart = steps.size();
      for (int p : progressPercents) {
        requirePercent(p, "progressPercents");
        steps.add(JobPhase.running(p, null));
      }
      return this;
    }

    /** Running for {@code reads} reads without progress. */
    public Builder runningFor(int reads) {
      requireNonNegative(reads, "reads");
      lastRunningStart = steps.size();
      for (int i = 0; i < reads; i++) {
        steps.add(JobPhase.running(null, null));
      }
      return this;
    }

    /**
     * Adds an ETA to each read of the immediately preceding {@code running(..)} call, in order
     * (whole seconds, rounded up); there must be exactly one ETA per read.
     */
    public Builder withEta(Duration... etas) {
      Objects.requireNonNull(etas, "etas == null");
      if (lastRunningStart < 0 || lastRunningStart + etas.length != steps.size()) {
        throw new IllegalStateException(
            "withEta(..) needs one ETA per read of the running(..) call just before it");
      }
      for (int i = 0; i < etas.length; i++) {
        Objects.requireNonNull(etas[i], "etas[" + i + "] == null");
        JobPhase r = steps.get(lastRunningStart + i);
        int seconds = (int) Math.ceil(etas[i].toMillis() / 1000.0);
        steps.set(lastRunningStart + i, JobPhase.running(r.progressPercent(), seconds));
      }
      lastRunningStart = -1;
      return this;
    }

    /** Adds arbitrary non-terminal phases, one read each. */
    public Builder phases(JobPhase... phases) {
      Objects.requireNonNull(phases, "phases == null");
      for (JobPhase p : phases) {
        Objects.requireNonNull(p, "phase == null");
        if (p.isTerminal()) {
          throw new IllegalArgumentException(
              "phases(..) takes non-terminal phases; end with succeeded(), failed(..), ...: " + p);
        }
        steps.add(p);
      }
      lastRunningStart = -1;
      return this;
    }

    @Override
    Lifecycle end(JobPhase terminal) {
      return new Lifecycle(Collections.unmodifiableList(new ArrayList<>(steps)), null, terminal);
    }
  }

  /** Builds a time-driven {@link Lifecycle}; segments follow each other from job creation. */
  public static final class TimedBuilder extends Ending {
    private final List<TimedSegment> segments = new ArrayList<>();

    private TimedBuilder() {}

    /** Queued for {@code length} without a queue position. */
    public TimedBuilder queued(Duration length) {
      segments.add(new TimedSegment(JobState.QUEUED, requirePositive(length), null, null, null));
      return this;
    }

    /**
     * Queued for {@code length}, the position counting down evenly from {@code startPosition} to 1.
     */
    public TimedBuilder queued(Duration length, int startPosition) {
      requireNonNegative(startPosition, "startPosition");
      segments.add(
          new TimedSegment(JobState.QUEUED, requirePositive(length), startPosition, null, null));
      return this;
    }

    /** Running for {@code length} without progress. */
    public TimedBuilder running(Duration length) {
      segments.add(new TimedSegment(JobState.RUNNING, requirePositive(length), null, null, null));
      return this;
    }

    /**
     * Running for {@code length}, progress rising evenly from {@code fromPercent} to {@code
     * toPercent}.
     */
    public TimedBuilder running(Duration length, int fromPercent, int toPercent) {
      requirePercent(fromPercent, "fromPercent");
      requirePercent(toPercent, "toPercent");
      segments.add(
          new TimedSegment(
              JobState.RUNNING, requirePositive(length), null, fromPercent, toPercent));
      return this;
    }

    /**
     * Reports an ETA during the preceding running segment: the time left until the terminal phase,
     * in whole seconds rounded up.
     */
    public TimedBuilder withEta() {
      if (segments.isEmpty() || segments.get(segments.size() - 1).state != JobState.RUNNING) {
        throw new IllegalStateException("withEta() must follow running(..)");
      }
      segments.get(segments.size() - 1).eta = true;
      return this;
    }

    @Override
    Lifecycle end(JobPhase terminal) {
      List<TimedSegment> copy = new ArrayList<>();
      for (TimedSegment s : segments) {
        copy.add(s.copy());
      }
      return new Lifecycle(null, Collections.unmodifiableList(copy), terminal);
    }
  }

  private static final class TimedSegment {
    final JobState state;
    final Duration length;
    final Integer startPosition;
    final Integer fromPercent;
    final Integer toPercent;
    boolean eta;

    TimedSegment(
        JobState state,
        Duration length,
        Integer startPosition,
        Integer fromPercent,
        Integer toPercent) {
      this.state = state;
      this.length = length;
      this.startPosition = startPosition;
      this.fromPercent = fromPercent;
      this.toPercent = toPercent;
    }

    TimedSegment copy() {
      TimedSegment c = new TimedSegment(state, length, startPosition, fromPercent, toPercent);
      c.eta = eta;
      return c;
    }

    JobPhase phaseAt(double fraction, Integer etaSeconds) {
      if (state == JobState.QUEUED) {
        Integer position =
            startPosition == null
                ? null
                : Math.max(1, startPosition - (int) Math.floor(fraction * startPosition));
        return JobPhase.queued(position);
      }
      Integer progress =
          fromPercent == null
              ? null
              : fromPercent + (int) Math.floor(fraction * (toPercent - fromPercent));
      return JobPhase.running(progress, etaSeconds);
    }

    @Override
    public String toString() {
      return state + " for " + length;
    }
  }

  private static Duration requirePositive(Duration length) {
    Objects.requireNonNull(length, "length == null");
    if (length.isZero() || length.isNegative()) {
      throw new IllegalArgumentException("length must be positive: " + length);
    }
    return length;
  }

  private static void requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0: " + value);
    }
  }

  private static void requirePercent(int value, String name) {
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException(name + " must be in 0..100: " + value);
    }
  }

  /** The ways a lifecycle ends, shared by both builders. */
  public abstract static class Ending {
    Ending() {}

    public Lifecycle succeeded() {
      return end(JobPhase.succeeded());
    }

    public Lifecycle failed(String reason) {
      return end(JobPhase.failed(reason));
    }

    public Lifecycle moderated(String reason) {
      return end(JobPhase.moderated(reason));
    }

    public Lifecycle cancelled() {
      return end(JobPhase.cancelled());
    }

    public Lifecycle expired() {
      return end(JobPhase.expired());
    }

    abstract Lifecycle end(JobPhase terminal);
  }
}
