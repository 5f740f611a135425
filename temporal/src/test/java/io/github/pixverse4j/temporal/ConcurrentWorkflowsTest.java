package io.github.pixverse4j.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many workflows at once on one test server and one worker. {@code verify} runs 100; {@code
 * -Dpixverse4j.temporal.workflows=1000} runs the 1,000 of the issue and writes the figure to {@code
 * benchmarks/results/temporal.md} (the count is a system property, not a timed test).
 */
@DisplayName("Concurrent workflows on one test server")
class ConcurrentWorkflowsTest {
  private static final String COUNT_PROPERTY = "pixverse4j.temporal.workflows";

  @Test
  @DisplayName("every workflow completes with exactly one submit")
  void manyWorkflows() throws IOException {
    String asked = System.getProperty(COUNT_PROPERTY);
    int n = asked == null ? 100 : Integer.parseInt(asked);
    try (ProviderSimulator sim = Endpoint.GMI.startSimulator(Fleet.KEY);
        Fleet fleet = new Fleet()) {
      sim.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(50).succeeded());
      fleet.register(VideoWorker.builder().provider(Endpoint.GMI.builderFor(sim)).build()).start();

      long start = System.nanoTime();
      List<WorkflowStub> runs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        runs.add(fleet.start("bulk-" + i, VideoJob.of("gmi", Fleet.request())));
      }
      int succeeded = 0;
      for (WorkflowStub run : runs) {
        if (run.getResult(VideoJobResult.class).state() == TaskState.SUCCEEDED) succeeded++;
      }
      double wallS = (System.nanoTime() - start) / 1e9;

      assertThat(succeeded).as("succeeded").isEqualTo(n);
      assertThat(sim.submitCount()).as("submits").isEqualTo(n);
      assertThat(sim.requestCount("submit")).as("submit requests").isEqualTo(n);
      String line =
          String.format(
              java.util.Locale.ROOT,
              "| %d | %.1f | %d | %d | %d |",
              n,
              wallS,
              succeeded,
              sim.submitCount(),
              sim.requestCount("status"));
      System.out.println("temporal concurrent workflows: " + line);
      if (asked != null) write(line);
    }
  }

  private static void write(String line) throws IOException {
    Path results =
        Paths.get(
            System.getProperty("maven.multiModuleProjectDirectory", ".."),
            "benchmarks",
            "results",
            "temporal.md");
    String text =
        "# pixverse4j-temporal: concurrent workflows\n\n"
            + "One in-process Temporal test server (time skipping), one worker with default"
            + " options, the GMI\n"
            + "simulator on loopback; each job is queued 1 read, running 1 read, then succeeded (3"
            + " status reads).\n"
            + "Machine: "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.arch")
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + System.getProperty("java.version")
            + " (wall time includes the test server and the worker sharing the machine).\n"
            + "Command: `./mvnw -B -pl temporal -am verify -Dtest=ConcurrentWorkflowsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D"
            + COUNT_PROPERTY
            + "=N`\n\n"
            + "| workflows | wall s (start to last result) | succeeded | submits | status requests"
            + " |\n"
            + "|---|---|---|---|---|\n"
            + line
            + "\n";
    Files.createDirectories(results.getParent());
    Files.write(results, text.getBytes(StandardCharsets.UTF_8));
  }
}
