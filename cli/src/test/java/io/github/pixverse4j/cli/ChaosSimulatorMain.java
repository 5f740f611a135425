package io.github.pixverse4j.cli;

import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.SimJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The GMI simulator in a process of its own, for {@link ChaosTest}: the killed CLI must not take
 * the provider down with it. Every phase is slowed a little so that kills land in each: the submit
 * answer waits 150 ms (after the job is created, like a slow network), the job stays queued for 3
 * status reads and running for 3, and the video answer waits 200 ms. Prints {@code READY <baseUrl>
 * <key>}, then answers commands on stdin, each reply ending with {@code OK}: {@code submits};
 * {@code jobs} (one {@code JOB <id> <mediaGets> <submittedBody>} line each); {@code media FILE}
 * writes the served video's bytes. Exits when stdin closes. An argument, if given, is the
 * simulator's concurrency limit ({@link BatchChaosTest}); jobs then run by the clock (queued 300
 * ms, running 600 ms), as real ones do, so that a job whose client was killed frees its slot.
 */
public final class ChaosSimulatorMain {
  private ChaosSimulatorMain() {}

  public static void main(String[] args) throws Exception {
    String key = "chaos-key-" + Long.toHexString(System.nanoTime());
    try (GmiSimulator sim = new GmiSimulator(key).start()) {
      sim.defaultLifecycle(Lifecycle.builder().queued(3, 3).running(30, 60, 90).succeeded());
      sim.faults().on("submit").always(Fault.delay(Duration.ofMillis(150)));
      sim.faults().on("media").always(Fault.delay(Duration.ofMillis(200)));
      if (args.length > 0) {
        sim.concurrencyLimit(Integer.parseInt(args[0]));
        sim.defaultLifecycle(
            Lifecycle.timed()
                .queued(Duration.ofMillis(300))
                .running(Duration.ofMillis(600), 0, 100)
                .succeeded());
      }
      System.out.println("READY " + sim.baseUrl() + " " + key);
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        line = line.trim();
        if (line.equals("submits")) {
          System.out.println(sim.requestCount("submit"));
        } else if (line.equals("jobs")) {
          for (SimJob job : sim.jobs()) {
            int gets = 0;
            for (RecordedRequest r : sim.requests("media")) if (r.path().contains(job.id())) gets++;
            System.out.println(
                "JOB "
                    + job.id()
                    + " "
                    + gets
                    + " "
                    + job.submitCount()
                    + " "
                    + String.valueOf(job.submittedBody()).replace('\n', ' '));
          }
        } else if (line.startsWith("media ")) {
          Files.write(Paths.get(line.substring(6)), sim.mediaBytes());
        } else {
          System.out.println("UNKNOWN " + line);
        }
        System.out.println("OK");
        System.out.flush();
      }
    }
  }
}
