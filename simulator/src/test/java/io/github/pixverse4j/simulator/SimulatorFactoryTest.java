package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatorFactoryTest {
  private static final String KEY = "sk-test-0123456789";

  private static List<SimulatorFactory> factories() {
    return SimulatorFactory.load(SimulatorFactoryTest.class.getClassLoader());
  }

  @Test
  @DisplayName("the kit registers no simulator: every provider's lives in its provider module")
  void registered() throws Exception {
    assertThat(factories()).isEmpty();
    assertThat(SimulatorFactory.find("odirouter", getClass().getClassLoader())).isEmpty();
  }

  @Test
  @DisplayName("endpointOf names the route a request would take, media included, and null for none")
  void endpointOf() {
    EchoSimulator sim = new EchoSimulator(KEY);
    assertThatThrownBy(() -> sim.endpointOf("GET", "/v1/jobs/1"))
        .hasMessageContaining("not started");
    try (EchoSimulator started = sim.start()) {
      assertThat(started.endpointOf("POST", "/v1/jobs")).isEqualTo("submit");
      assertThat(started.endpointOf("get", "/v1/jobs/job-7")).isEqualTo("status");
      assertThat(started.endpointOf("GET", "/media/job-7.mp4"))
          .isEqualTo(ProviderSimulator.MEDIA_ENDPOINT);
      assertThat(started.endpointOf("GET", "/v1/nope")).isNull();
      assertThat(started.endpointOf("DELETE", "/v1/jobs")).isNull();
      assertThat(started.requests()).as("endpointOf sends nothing").isEmpty();
    }
  }
}
