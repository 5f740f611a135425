package io.github.pixverse4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 10,000-task scale run without and with a file task journal, alternating in each round ({@code
 * -Dbench.rounds}, default 5), side by side. The overhead compares the medians of the rounds
 * without errors, so that one lucky or unlucky run on a shared machine does not decide; the best
 * runs are reported too. Target: the journal costs at most 10 % of wall time.
 */
final class JournalBench {
  static final int TASKS = 10_000;
  static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

  private JournalBench() {}

  static Map<String, Object> run(RemoteSimulator sim) throws Exception {
    List<Map<String, Object>> without = new ArrayList<>();
    List<Map<String, Object>> with = new ArrayList<>();
    // -Dbench.journalFirst=true swaps the order within each round, to tell an effect of the
    // journal from an effect of the run's position (the simulator JVM ages across runs).
    boolean journalFirst = Boolean.getBoolean("bench.journalFirst");
    double loadBefore = loadAverage();
    // A run takes 6-40 s; one that stalls (seen once, without the journal, after "Socket is
    // closed" submits under heavy load) counts as a run with errors instead of costing 10 minutes.
    Scale.completionTimeout = java.time.Duration.ofMinutes(3);
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < 2; k++) {
        boolean journaled = (k == 0) == journalFirst;
        Path dir = journaled ? Files.createTempDirectory("pixverse4j-journal-bench") : null;
        Map<String, Object> r = Scale.ours(sim, TASKS, dir);
        // The machine may be shared: the load says how far a run's wall time is the journal's.
        r.put("loadAvg1m", loadAverage());
        (journaled ? with : without).add(r);
        System.out.println(r);
        if (dir != null) deleteTree(dir);
      }
    }
    Map<String, Object> a = median(without);
    Map<String, Object> b = median(with);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", TASKS);
    m.put("rounds", ROUNDS);
    m.put("journalFirst", journalFirst);
    m.put("withoutJournal", a);
    m.put("withFileJournal", b);
    m.put("wallOverheadPercent", percent((Double) b.get("wallS"), (Double) a.get("wallS")));
    m.put(
        "bestWallOverheadPercent",
        percent((Double) best(with).get("wallS"), (Double) best(without).get("wallS")));
    m.put(
        "heapPerTaskOverheadPercent",
        percent(
            ((Number) b.get("heapPerInFlightTaskBytes")).doubleValue(),
            ((Number) a.get("heapPerInFlightTaskBytes")).doubleValue()));
    m.put("loadAverage", List.of(loadBefore, loadAverage()));
    m.put("allWallS", Map.of("without", walls(without), "with", walls(with)));
    m.put("allErrors", Map.of("without", errors(without), "with", errors(with)));
    return m;
  }

  /** The fastest run that completed every task (a run with errors finished early, not fast). */
  static Map<String, Object> best(List<Map<String, Object>> runs) {
    Map<String, Object> best = null;
    for (Map<String, Object> r : runs) {
      if (((Number) r.get("errors")).intValue() != 0) continue;
      if (best == null || (Double) r.get("wallS") < (Double) best.get("wallS")) best = r;
    }
    if (best == null) throw new IllegalStateException("every run had errors: " + runs);
    return best;
  }

  static double loadAverage() {
    return PollingEfficiency.round(
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator)
        Files.delete(p);
    }
  }

  /**
   * The run with the median wall time among those that completed every task (the lower one of two
   * middles).
   */
  static Map<String, Object> median(List<Map<String, Object>> runs) {
    List<Map<String, Object>> ok = new ArrayList<>();
    for (Map<String, Object> r : runs) if (((Number) r.get("errors")).intValue() == 0) ok.add(r);
    if (ok.isEmpty()) throw new IllegalStateException("every run had errors: " + runs);
    ok.sort((x, y) -> Double.compare((Double) x.get("wallS"), (Double) y.get("wallS")));
    return ok.get((ok.size() - 1) / 2);
  }

  static List<Object> errors(List<Map<String, Object>> runs) {
    List<Object> e = new ArrayList<>();
    for (Map<String, Object> r : runs) e.add(r.get("errors"));
    return e;
  }

  static List<Object> walls(List<Map<String, Object>> runs) {
    List<Object> w = new ArrayList<>();
    for (Map<String, Object> r : runs) w.add(r.get("wallS"));
    return w;
  }

  static double percent(double with, double without) {
    return PollingEfficiency.round(100.0 * (with - without) / without);
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> m) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add((Map<String, Object>) m.get("withoutJournal"));
    rows.add((Map<String, Object>) m.get("withFileJournal"));
    return "## Task journal overhead ("
        + TASKS
        + " tasks, GMI simulator in a separate JVM, median wall time of "
        + ROUNDS
        + " alternating rounds"
        + (Boolean.TRUE.equals(m.get("journalFirst")) ? ", journal first" : "")
        + ")\n\n"
        + Benchmarks.table(rows)
        + "\nWall time overhead (medians): "
        + m.get("wallOverheadPercent")
        + " %; best run against best run: "
        + m.get("bestWallOverheadPercent")
        + " %; heap per in-flight task overhead: "
        + m.get("heapPerTaskOverheadPercent")
        + " % "
        + runs(m);
  }

  /** Every run's wall time and errors and the load average, in parentheses, for a report. */
  static String runs(Map<String, Object> m) {
    return "(all wall times: "
        + m.get("allWallS")
        + "; errors per run: "
        + m.get("allErrors")
        + "; load average before/after: "
        + m.get("loadAverage")
        + ")\n\n";
  }
}
