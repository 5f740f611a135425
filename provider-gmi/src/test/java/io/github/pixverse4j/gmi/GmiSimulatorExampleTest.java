package io.github.pixverse4j.gmi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.reactivex.rxjava3.observers.TestObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GmiSimulatorExampleTest {
  static GmiSimulator sim;
  VideoClient client;

  @BeforeAll
  static void startSimulator() {
    sim = new GmiSimulator("test-key").start(); // real HTTP on 127.0.0.1, a free port
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void newClient() {
    sim.reset();
    client =
        GmiCloud.builder()
            .apiKey("test-key")
            .baseUrl(sim.baseUrl())
            // Real time: poll every 20 ms instead of every few seconds.
            .pollingPolicy(PollingPolicy.builder().fixedInterval(Duration.ofMillis(20)).build())
            .build();
  }

  ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("the cat smiles")
        .build();
  }

  @Test
  void generatesAgainstTheSimulator() {
    // Read-driven: each status read moves the job one step on, whatever the clock says.
    sim.nextJobs(Lifecycle.builder().queued(1).running(40, 80).succeeded());

    TestObserver<TaskStatus> statuses = client.generate(request()).test();
    statuses
        .awaitDone(10, TimeUnit.SECONDS) // waits for the end, never longer than 10 s
        .assertComplete()
        .assertNoErrors();

    List<TaskStatus> seen = statuses.values();
    assertThat(seen.get(seen.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  void waitsOutA429() {
    sim.faults()
        .on("status")
        .call(1)
        .respond(Fault.status(429, "{}").withHeader("Retry-After", "1"));

    TestObserver<TaskStatus> statuses = client.generate(request()).test();
    statuses.awaitDone(10, TimeUnit.SECONDS).assertComplete();

    assertThat(sim.requestCount("status")).isGreaterThan(1);
  }
}
