package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatorFactoryTest {
  private static final String KEY = "sk-test-0123456789";

  private static List<SimulatorFactory> factories() {
    return SimulatorFactory.load(SimulatorFactoryTest.class.getClassLoader());
  }

  @Test
  @DisplayName("the five built-in simulators are registered through ServiceLoader, in class-path order")
  void builtIns() {
    assertThat(factories()).extracting(SimulatorFactory::providerId)
        .containsExactly("odirouter", "highway", "myrouter", "gmi", "pixverse");
    assertThat(SimulatorFactory.find("gmi", getClass().getClassLoader())).get()
        .extracting(f -> f.create(KEY)).isInstanceOf(GmiSimulator.class);
    assertThat(SimulatorFactory.find("acme", getClass().getClassLoader())).isEmpty();
    assertThat(SimulatorFactory.find("highway", getClass().getClassLoader()).get().create(KEY))
        .isInstanceOfSatisfying(V3AsyncSimulator.class,
            s -> assertThat(s.model()).isEqualTo(V3AsyncSimulator.Model.PIXVERSE_V6_I2V));
    assertThat(SimulatorFactory.find("myrouter", getClass().getClassLoader()).get().create(KEY))
        .isInstanceOfSatisfying(V3AsyncSimulator.class,
            s -> assertThat(s.model()).isEqualTo(V3AsyncSimulator.Model.PIXVERSE_V4_5_I2V));
  }

  @Test
  @DisplayName("each factory makes a fresh, unstarted simulator with the key and a consistent description")
  void descriptions() throws Exception {
    for (SimulatorFactory f : factories()) {
      ProviderSimulator a = f.create(KEY);
      String id = f.providerId();
      assertThat(a).as(id).isNotSameAs(f.create(KEY));
      assertThat(a.apiKey()).as(id).isEqualTo(KEY);
      assertThatThrownBy(a::baseUrl).as(id).hasMessageContaining("not started");
      JsonNode unknown = Json.MAPPER.readTree(f.unknownStatusBody());
      assertThat(unknown.isObject()).as(id + " unknownStatusBody is a JSON object").isTrue();
      assertThat(f.insufficientCredits().response().status()).as(id).isBetween(400, 499);
      assertThat(f.generateEndpoints()).as(id).contains("submit").doesNotHaveDuplicates()
          .doesNotContain(ProviderSimulator.MEDIA_ENDPOINT);
      assertThat(a.credentialHeaders()).as(id).contains(f.credentialHeader());
    }
    assertThat(factories().stream().filter(f -> !f.reportsCancellation()).map(SimulatorFactory::providerId)
        .collect(Collectors.toList())).containsExactly("pixverse");
  }

  @Test
  @DisplayName("endpointOf names the route a request would take, media included, and null for none")
  void endpointOf() {
    EchoSimulator sim = new EchoSimulator(KEY);
    assertThatThrownBy(() -> sim.endpointOf("GET", "/v1/jobs/1")).hasMessageContaining("not started");
    try (EchoSimulator started = sim.start()) {
      assertThat(started.endpointOf("POST", "/v1/jobs")).isEqualTo("submit");
      assertThat(started.endpointOf("get", "/v1/jobs/job-7")).isEqualTo("status");
      assertThat(started.endpointOf("GET", "/media/job-7.mp4")).isEqualTo(ProviderSimulator.MEDIA_ENDPOINT);
      assertThat(started.endpointOf("GET", "/v1/nope")).isNull();
      assertThat(started.endpointOf("DELETE", "/v1/jobs")).isNull();
      assertThat(started.requests()).as("endpointOf sends nothing").isEmpty();
    }
  }
}
