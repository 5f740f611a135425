package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Runs the GMI simulator in its own JVM so that the benchmarked client's threads and heap are
 * measured alone. Prints {@code READY <baseUrl> <key>}, then obeys commands on stdin: {@code
 * lifecycle short|endless}, {@code lifecycle timed MILLIS} (each job runs that long by the clock),
 * {@code limit N} (the simulator's concurrency limit, 0 for none), {@code stats}, and exits when
 * stdin closes.
 */
public final class SimulatorMain {
  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    String key = "bench-key-0123456789";
    try (GmiSimulator sim = new GmiSimulator(key).start()) {
      sim.defaultLifecycle(shortLifecycle());
      System.out.println("READY " + sim.baseUrl() + " " + key);
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split(" ");
        if (words.length == 3 && words[0].equals("lifecycle") && words[1].equals("timed")) {
          sim.defaultLifecycle(
              Lifecycle.timed()
                  .running(java.time.Duration.ofMillis(Long.parseLong(words[2])))
                  .succeeded());
          System.out.println("OK");
          System.out.flush();
          continue;
        }
        if (words.length == 2 && words[0].equals("limit")) {
          sim.concurrencyLimit(Integer.parseInt(words[1]));
          System.out.println("OK");
          System.out.flush();
          continue;
        }
        switch (line.trim()) {
          case "lifecycle short":
            sim.defaultLifecycle(shortLifecycle());
            break;
          case "lifecycle endless":
            sim.defaultLifecycle(Lifecycle.builder().queued(1).runningFor(1_000_000).succeeded());
            break;
          case "reset":
            sim.reset();
            sim.defaultLifecycle(shortLifecycle());
            break;
          case "stats":
            System.out.println(
                "STATS jobs="
                    + sim.jobCount()
                    + " submits="
                    + sim.submitCount()
                    + " status="
                    + sim.requestCount("status")
                    + " refusals="
                    + sim.limitRefusals()
                    + " peak="
                    + sim.peakConcurrentJobs());
            break;
          default:
            System.out.println("UNKNOWN " + line);
        }
        System.out.println("OK");
        System.out.flush();
      }
    }
  }

  static Lifecycle shortLifecycle() {
    return Lifecycle.builder().queued(1, 1).running(50, 90).succeeded();
  }
}
