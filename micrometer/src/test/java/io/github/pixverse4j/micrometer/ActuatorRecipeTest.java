package io.github.pixverse4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActuatorRecipeTest {
  /**
   * In a Spring Boot application with Actuator this class is a {@code @Configuration} and the
   * method a {@code @Bean}: Actuator provides the {@code MeterRegistry} (Prometheus, Datadog, ...
   * as configured), and the meters appear under {@code /actuator/metrics/pixverse4j.*}. The
   * annotations are left out here so that the recipe compiles without Spring.
   */
  static class VideoClientConfiguration {
    VideoClient videoClient(MeterRegistry registry, String apiKey, String baseUrl) {
      return GmiCloud.builder()
          .apiKey(apiKey)
          .baseUrl(baseUrl)
          .addEventListenerFactory(VideoMetrics.of(registry))
          .pollingPolicy(PollingPolicy.builder().fixedInterval(Duration.ofMillis(20)).build())
          .build();
    }
  }

  @Test
  void metersAppearInTheApplicationsRegistry() {
    try (GmiSimulator sim = new GmiSimulator("test-key").start()) {
      MeterRegistry registry = new SimpleMeterRegistry(); // Actuator's bean in the application
      VideoClient client =
          new VideoClientConfiguration().videoClient(registry, "test-key", sim.baseUrl());

      client
          .awaitVideos(
              ImageToVideoRequest.builder()
                  .image(ImageInput.url("https://example.com/cat.png"))
                  .prompt("the cat smiles")
                  .build())
          .test()
          .awaitDone(10, TimeUnit.SECONDS)
          .assertComplete();

      assertThat(registry.get("pixverse4j.submits").tag("outcome", "accepted").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("pixverse4j.task.time.to.video").timer().count()).isEqualTo(1);
    }
  }
}
