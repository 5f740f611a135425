package io.github.pixverse4j.reliability.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.batch.BatchEvent;
import io.github.pixverse4j.client.batch.BatchItem;
import io.github.pixverse4j.client.batch.BatchItemResult;
import io.github.pixverse4j.client.batch.BatchRunner;
import io.github.pixverse4j.client.internal.Failures;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimJob;
import io.reactivex.rxjava3.core.Flowable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in provider's simulator with a concurrency limit, through the real HTTP client: its
 * refusal is a limit refusal for the engine, and a batch over the limit delivers every item with
 * exactly one job each, never more jobs at once than the limit.
 */
class CappedSimulatorBatchTest {
  private static final String KEY = "sim-key-0123456789";
  @TempDir Path dir;

  private static ImageToVideoRequest request(String prompt) {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/images/cat.png"))
        .prompt(prompt)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  @DisplayName(
      "a submit over the simulator's limit is refused as the service does: a limit refusal")
  void refusalIsALimitRefusal(Provider provider) {
    try (ProviderSimulator sim = provider.startSimulator(KEY)) {
      sim.concurrencyLimit(1);
      sim.defaultLifecycle(Lifecycle.builder().running(10, 20, 30, 40, 50).succeeded());
      VideoClient client =
          provider.client(
              sim,
              KEY,
              Provider.fastPolicy(Duration.ofSeconds(20)).toBuilder().maxSubmitRetries(0).build(),
              null);
      TaskHandle first = client.submit(request("one")).blockingGet();
      assertThat(first).isNotNull();
      Throwable refused = client.submit(request("two")).materialize().blockingGet().getError();
      assertThat(refused).isNotNull();
      assertThat(Failures.isLimitRefusal(refused)).as(String.valueOf(refused)).isTrue();
      assertThat(sim.limitRefusals()).isEqualTo(1);
      assertThat(sim.jobCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  @DisplayName("a batch of 12 with 6 asked against a limit of 2: all delivered, one job each")
  void batchWithinTheLimit(Provider provider) throws Exception {
    try (ProviderSimulator sim = provider.startSimulator(KEY)) {
      sim.concurrencyLimit(2);
      sim.defaultLifecycle(Lifecycle.builder().queued(1).running(30, 60, 90).succeeded());
      VideoClient client =
          provider.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(60)), null);
      BatchRunner runner =
          BatchRunner.builder(client, "capped-" + provider.id)
              .maxConcurrency(6)
              .outputDirectory(dir)
              .build();
      List<BatchEvent> events =
          runner
              .run(Flowable.range(1, 12).map(i -> BatchItem.of("item-" + i, request("item " + i))))
              .toList()
              .timeout(60, TimeUnit.SECONDS)
              .blockingGet();
      long delivered =
          events.stream()
              .filter(e -> e.item().isPresent())
              .filter(e -> e.item().get().outcome() == BatchItemResult.Outcome.DELIVERED)
              .count();
      assertThat(delivered).isEqualTo(12);
      for (int i = 1; i <= 12; i++)
        assertThat(Files.isRegularFile(dir.resolve("item-" + i + ".mp4"))).isTrue();
      assertThat(sim.jobCount()).isEqualTo(12);
      for (SimJob j : sim.jobs()) assertThat(j.submitCount()).isEqualTo(1);
      assertThat(sim.peakConcurrentJobs()).isEqualTo(2);
      assertThat(sim.limitRefusals()).isGreaterThan(0);
      assertThat(sim.handlerFailures()).isEmpty();
    }
  }
}
