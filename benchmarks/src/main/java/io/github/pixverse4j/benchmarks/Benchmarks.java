package io.github.pixverse4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the benchmarks named on the command line (or {@code all}) and writes the results. */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "all" : args[0];
    if (which.equals("webhooks")) {
      List<Map<String, Object>> rows = WebhookEfficiency.runAll();
      String md =
          "# pixverse4j webhook benchmark\n\n"
              + "## Callbacks with polling as the safety net (virtual time, "
              + PollingEfficiency.JOBS
              + " jobs of the polling benchmark, seed "
              + PollingEfficiency.SEED
              + ", callback "
              + (int) (WebhookEfficiency.CALLBACK_DELAY_S * 1000)
              + " ms after the end, default PollingPolicy)\n\n"
              + table(rows)
              + "\n";
      Path dir = Paths.get("results");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("webhooks.json"),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
      Files.writeString(dir.resolve("webhooks.md"), md);
      System.out.println(md);
      return;
    }
    if (which.equals("outage")) {
      // Alone it writes its own files, so that latest.* keeps the full run's results.
      Map<String, Object> o = OutageBench.run();
      String md =
          "# pixverse4j outage benchmark\n\nMachine: "
              + machine()
              + "\n\n"
              + "## Ten-minute outage (virtual time, default PollingPolicy, "
              + OutageBench.RUNS
              + " runs, seed "
              + OutageBench.SEED
              + ")\n\n"
              + table(List.of(o))
              + "\n";
      Path dir = Paths.get("results");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("outage.json"),
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
      Files.writeString(dir.resolve("outage.md"), md);
      System.out.println(md);
      return;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("date", Instant.now().toString());
    report.put("machine", machine());
    StringBuilder md = new StringBuilder();
    md.append("# pixverse4j benchmark results\n\n")
        .append("Machine: ")
        .append(machine())
        .append("\n\n");

    if (which.equals("all") || which.contains("polling")) {
      List<PollingEfficiency.Result> results = PollingEfficiency.runAll();
      double base =
          results.stream().filter(r -> r.name.equals("fixed 1 s")).findFirst().get().pollsPerJob;
      List<Map<String, Object>> rows = new ArrayList<>();
      for (PollingEfficiency.Result r : results) rows.add(r.toMap(base));
      report.put("pollingEfficiency", rows);
      md.append("## Polling efficiency (virtual time, ")
          .append(PollingEfficiency.JOBS)
          .append(" jobs, log-normal median 60 s, sigma 0.75, 10 s-10 min, seed ")
          .append(PollingEfficiency.SEED)
          .append(")\n\n");
      md.append(table(rows)).append('\n');
    }

    if (which.equals("all") || which.contains("outage")) {
      Map<String, Object> o = OutageBench.run();
      report.put("outage", o);
      md.append("## Ten-minute outage (virtual time, default PollingPolicy, ")
          .append(OutageBench.RUNS)
          .append(" runs, seed ")
          .append(OutageBench.SEED)
          .append(")\n\n")
          .append(table(List.of(o)))
          .append('\n');
    }

    if (which.equals("all") || which.contains("listenerCpu")) {
      Map<String, Object> c = ObserveBench.cpu();
      report.put("listenerCpu", c);
      md.append(ObserveBench.cpuMarkdown(c));
    }

    boolean needsSimulator =
        which.equals("all")
            || which.contains("scale")
            || which.contains("overhead")
            || which.contains("journal")
            || which.contains("streams100k")
            || which.contains("observe")
            || which.contains("batch");
    if (needsSimulator) {
      try (RemoteSimulator sim = new RemoteSimulator(which.contains("streams100k") ? "4g" : "1g")) {
        if (which.contains("streams100k")) {
          // The long variant (not in "all"): 100,000 concurrent streams in one JVM.
          Scale.completionTimeout = java.time.Duration.ofMinutes(20);
          List<Map<String, Object>> rows = new ArrayList<>();
          rows.add(Scale.ours(sim, Scale.LONG_RUN_TASKS));
          System.out.println(rows.get(0));
          section(report, md, "streams100k", "100,000 concurrent streams in one JVM", rows);
        }
        if (which.equals("all") || which.contains("scale")) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (int n : new int[] {1000, 10000}) {
            rows.add(Scale.ours(sim, n));
            System.out.println(rows.get(rows.size() - 1));
          }
          rows.add(Scale.threadPerTask(sim, 1000));
          System.out.println(rows.get(rows.size() - 1));
          if (!which.contains("noBaseline10k")) {
            rows.add(Scale.threadPerTask(sim, 10000));
            System.out.println(rows.get(rows.size() - 1));
          }
          section(report, md, "scale", "Scale", rows);
        }
        if (which.contains("batch")) {
          List<Map<String, Object>> rows = new ArrayList<>();
          for (String n : System.getProperty("bench.batch.items", "1000,10000,100000").split(",")) {
            rows.add(BatchBench.run(sim, Integer.parseInt(n.trim())));
            System.out.println(rows.get(rows.size() - 1));
          }
          report.put("batch", rows);
          md.append(
                  "## Batch (BatchRunner against the GMI simulator in its own JVM with a"
                      + " concurrency limit; runner allowed twice the limit)\n\n")
              .append(table(rows))
              .append('\n');
        }
        if (which.equals("all") || which.contains("journal")) {
          Map<String, Object> j = JournalBench.run(sim);
          report.put("journal", j);
          md.append(JournalBench.markdown(j));
        }
        if (which.equals("all") || which.contains("observe")) {
          Map<String, Object> o = ObserveBench.run(sim);
          report.put("observe", o);
          md.append(ObserveBench.markdown(o));
        }
        if (which.equals("all") || which.contains("overhead")) {
          Map<String, Object> o = Overhead.run(sim);
          report.put("perCallOverhead", o);
          md.append("## Per-call overhead (status() vs raw OkHttp GET + Jackson parse)\n\n")
              .append(table(List.of(o)))
              .append('\n');
        }
      }
    }
    if (which.equals("all") || which.contains("download")) {
      Map<String, Object> d = DownloadBench.run();
      report.put("download", d);
      md.append("## Download (256 MiB from the simulator, best of 5, alternating order)\n\n")
          .append(table(List.of(d)))
          .append('\n');
    }
    if (which.equals("all") || which.contains("startup")) {
      Map<String, Object> s = Startup.run();
      report.put("startup", s);
      md.append("## CLI start-up (median of ")
          .append(Startup.ROUNDS)
          .append(
              " rounds, variants in turns; generate --simulate timed until the task token is"
                  + " printed)\n\n")
          .append(table(List.of(s)))
          .append('\n');
    }

    String json =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
    Path dir = Paths.get("results");
    Files.createDirectories(dir);
    // A run of some benchmarks gets its own files, so it never replaces the full run's results.
    String name = which.equals("all") ? "latest" : which.replaceAll("[^A-Za-z0-9_-]", "_");
    if (Boolean.getBoolean("bench.journalFirst")) name += "-journalFirst";
    Files.writeString(dir.resolve(name + ".json"), json);
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    System.out.println(md);
  }

  /** A scale run's rows, in the report under {@code key} and as a table titled {@code title}. */
  private static void section(
      Map<String, Object> report,
      StringBuilder md,
      String key,
      String title,
      List<Map<String, Object>> rows) {
    report.put(key, rows);
    md.append("## ")
        .append(title)
        .append(
            " (GMI simulator in a separate JVM on loopback, 250 ms polls, 3 status reads per"
                + " task)\n\n")
        .append(table(rows))
        .append('\n');
  }

  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.arch")
        + ", "
        + rt.availableProcessors()
        + " cores, max heap "
        + (rt.maxMemory() >> 20)
        + " MiB, Java "
        + System.getProperty("java.version");
  }

  static String table(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) return "";
    StringBuilder b = new StringBuilder("|");
    for (String k : rows.get(0).keySet()) b.append(' ').append(k).append(" |");
    b.append("\n|");
    for (int i = 0; i < rows.get(0).size(); i++) b.append("---|");
    b.append('\n');
    for (Map<String, Object> r : rows) {
      b.append('|');
      for (Object v : r.values()) b.append(' ').append(v).append(" |");
      b.append('\n');
    }
    return b.toString();
  }
}
