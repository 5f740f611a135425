package io.github.pixverse4j.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The faults a simulator injects, per endpoint name and per call number. Thread-safe.
 *
 * <pre>{@code
 * sim.faults().on("status").call(2).respond(Fault.status(429, "{}").withHeader("Retry-After", "1"));
 * sim.faults().on("submit").always(Fault.dropAfterRead());
 * sim.faults().on("status").next(3, Fault.status(503, "busy"));
 * }</pre>
 *
 * <p>Calls are numbered per endpoint from 1, in arrival order, counting every request routed to
 * that endpoint, faulted or not, authorised or not. Numbers count from the simulator's start or the
 * last {@link #clear()}; {@link ProviderSimulator#clearRequests()} does not reset them. A fault for
 * a specific call wins over {@link EndpointFaults#always always}.
 */
public final class FaultPlan {
  private final Map<String, Script> scripts = new HashMap<>();
  private final Map<String, Integer> calls = new HashMap<>();

  FaultPlan() {}

  /** Scripts faults for the endpoint with this name ("submit", "status", "media", ...). */
  public EndpointFaults on(String endpointName) {
    Objects.requireNonNull(endpointName, "endpointName == null");
    return new EndpointFaults(endpointName);
  }

  /** Removes every scripted fault and resets all call numbers. */
  public synchronized FaultPlan clear() {
    scripts.clear();
    calls.clear();
    return this;
  }

  /** How many calls the endpoint has received since start or the last {@link #clear()}. */
  public synchronized int callCount(String endpointName) {
    Objects.requireNonNull(endpointName, "endpointName == null");
    return calls.getOrDefault(endpointName, 0);
  }

  /** Numbers the next call of an endpoint and returns its fault (null for none). */
  synchronized Call nextCall(String endpointName) {
    int number = calls.merge(endpointName, 1, Integer::sum);
    Script script = scripts.get(endpointName);
    Fault fault = null;
    if (script != null) {
      fault = script.byCall.get(number);
      if (fault == null) {
        fault = script.always;
      }
    }
    if (fault != null && fault.kind() == Fault.Kind.NONE && fault.delay().isZero()) {
      fault = null;
    }
    return new Call(number, fault);
  }

  private synchronized void put(String endpointName, int callNumber, Fault fault) {
    scripts.computeIfAbsent(endpointName, k -> new Script()).byCall.put(callNumber, fault);
  }

  static final class Call {
    final int number;
    final Fault fault;

    Call(int number, Fault fault) {
      this.number = number;
      this.fault = fault;
    }
  }

  private static final class Script {
    final Map<Integer, Fault> byCall = new HashMap<>();
    Fault always;
  }

  /** The fault script of one endpoint. */
  public final class EndpointFaults {
    private final String endpointName;

    private EndpointFaults(String endpointName) {
      this.endpointName = endpointName;
    }

    /** Selects the call with this 1-based number. */
    public CallFaults call(int callNumber) {
      if (callNumber < 1) {
        throw new IllegalArgumentException("callNumber must be >= 1: " + callNumber);
      }
      return new CallFaults(this, callNumber);
    }

    /** Applies {@code fault} to every call that has no fault of its own. */
    public EndpointFaults always(Fault fault) {
      Objects.requireNonNull(fault, "fault == null");
      synchronized (FaultPlan.this) {
        scripts.computeIfAbsent(endpointName, k -> new Script()).always = fault;
      }
      return this;
    }

    /** Applies {@code fault} to the next {@code count} calls from now. */
    public EndpointFaults next(int count, Fault fault) {
      Objects.requireNonNull(fault, "fault == null");
      if (count < 0) {
        throw new IllegalArgumentException("count must be >= 0: " + count);
      }
      synchronized (FaultPlan.this) {
        int seen = calls.getOrDefault(endpointName, 0);
        for (int i = 1; i <= count; i++) {
          put(endpointName, seen + i, fault);
        }
      }
      return this;
    }

    /** Removes this endpoint's faults (its call numbers keep counting). */
    public EndpointFaults clear() {
      synchronized (FaultPlan.this) {
        scripts.remove(endpointName);
      }
      return this;
    }
  }

  /** One or more consecutive calls of an endpoint, starting at a call number. */
  public final class CallFaults {
    private final EndpointFaults endpoint;
    private final int firstCall;

    private CallFaults(EndpointFaults endpoint, int firstCall) {
      this.endpoint = endpoint;
      this.firstCall = firstCall;
    }

    /** Gives the selected call the first fault, the call after it the second, and so on. */
    public EndpointFaults respond(Fault... faults) {
      Objects.requireNonNull(faults, "faults == null");
      if (faults.length == 0) {
        throw new IllegalArgumentException("faults is empty");
      }
      synchronized (FaultPlan.this) {
        for (int i = 0; i < faults.length; i++) {
          put(
              endpoint.endpointName,
              firstCall + i,
              Objects.requireNonNull(faults[i], "fault == null"));
        }
      }
      return endpoint;
    }
  }
}
