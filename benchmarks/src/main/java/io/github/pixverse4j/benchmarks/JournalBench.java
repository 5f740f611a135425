package io.github.pixverse4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 10,000-task scale run without and with a file task journal, alternating three times each
 * (best wall time of the three, so that the shared machine's noise does not decide), side by
 * side. Target: the journal costs at most 10 % of wall time and heap per in-flight task.
 */
final class JournalBench {
  static final int TASKS = 10_000;
  static final int ROUNDS = 3;

  private JournalBench() {}

  static Map<String, Object> run(RemoteSimulator sim) throws Exception {
    List<Map<String, Object>> without = new ArrayList<>();
    List<Map<String, Object>> with = new ArrayList<>();
    // -Dbench.journalFirst=true swaps the order within each round, to tell an effect of the
    // journal from an effect of the run's position (the simulator JVM ages across runs).
    boolean journalFirst = Boolean.getBoolean("bench.journalFirst");
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < 2; k++) {
        boolean journaled = (k == 0) == journalFirst;
        Path dir = journaled ? Files.createTempDirectory("pixverse4j-journal-bench") : null;
        Map<String, Object> r = Scale.ours(sim, TASKS, dir);
        (journaled ? with : without).add(r);
        System.out.println(r);
      }
    }
    Map<String, Object> a = best(without);
    Map<String, Object> b = best(with);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tasks", TASKS);
    m.put("rounds", ROUNDS);
    m.put("withoutJournal", a);
    m.put("withFileJournal", b);
    m.put("wallOverheadPercent", percent((Double) b.get("wallS"), (Double) a.get("wallS")));
    m.put("heapPerTaskOverheadPercent", percent(((Number) b.get("heapPerInFlightTaskBytes")).doubleValue(),
        ((Number) a.get("heapPerInFlightTaskBytes")).doubleValue()));
    m.put("allWallS", Map.of("without", walls(without), "with", walls(with)));
    m.put("allErrors", Map.of("without", errors(without), "with", errors(with)));
    return m;
  }

  /** The fastest run that completed every task (a run with errors finished early, not fast). */
  private static Map<String, Object> best(List<Map<String, Object>> runs) {
    Map<String, Object> best = null;
    for (Map<String, Object> r : runs) {
      if (((Number) r.get("errors")).intValue() != 0) continue;
      if (best == null || (Double) r.get("wallS") < (Double) best.get("wallS")) best = r;
    }
    if (best == null) throw new IllegalStateException("every run had errors: " + runs);
    return best;
  }

  private static List<Object> errors(List<Map<String, Object>> runs) {
    List<Object> e = new ArrayList<>();
    for (Map<String, Object> r : runs) e.add(r.get("errors"));
    return e;
  }

  private static List<Object> walls(List<Map<String, Object>> runs) {
    List<Object> w = new ArrayList<>();
    for (Map<String, Object> r : runs) w.add(r.get("wallS"));
    return w;
  }

  private static double percent(double with, double without) {
    return PollingEfficiency.round(100.0 * (with - without) / without);
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> m) {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add((Map<String, Object>) m.get("withoutJournal"));
    rows.add((Map<String, Object>) m.get("withFileJournal"));
    return "## Task journal overhead (" + TASKS + " tasks, GMI simulator in a separate JVM, best wall time of "
        + ROUNDS + " alternating rounds)\n\n" + Benchmarks.table(rows) + "\nWall time overhead: "
        + m.get("wallOverheadPercent") + " %; heap per in-flight task overhead: "
        + m.get("heapPerTaskOverheadPercent") + " % (all wall times: " + m.get("allWallS") + "; errors per run: "
        + m.get("allErrors") + ")\n\n";
  }
}
