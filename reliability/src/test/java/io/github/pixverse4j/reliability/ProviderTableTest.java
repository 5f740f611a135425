package io.github.pixverse4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderTableTest {
  private static final ClassLoader LOADER = ProviderTableTest.class.getClassLoader();

  @Test
  @DisplayName(
      "the table has one row per registered provider, in class-path order, and each has a"
          + " registered simulator")
  void oneRowPerRegisteredProvider() {
    assertThat(Arrays.stream(Provider.values()).map(p -> p.id).collect(Collectors.toList()))
        .containsExactlyElementsOf(
            VideoProviderFactory.load(LOADER).stream()
                .map(VideoProviderFactory::id)
                .collect(Collectors.toList()))
        .containsExactlyElementsOf(
            SimulatorFactory.load(LOADER).stream()
                .map(SimulatorFactory::providerId)
                .collect(Collectors.toList()));
  }

  @Test
  @DisplayName(
      "each row's data is its factories': key variable, credential header, cancel, endpoints")
  void rowsComeFromTheFactories() {
    assertThat(Provider.GMI.envVar).isEqualTo("GMI_API_KEY");
    assertThat(Provider.PIXVERSE.credentialHeader).isEqualTo("API-KEY");
    assertThat(Provider.PIXVERSE.endpoints).containsExactly("upload", "submit", "status");
    assertThat(Provider.ODIROUTER.terminalEndpoint()).isEqualTo("result");
    assertThat(Arrays.stream(Provider.values()).filter(p -> p.cancelCall).map(p -> p.id))
        .containsExactly("odirouter", "fal");
    assertThat(Arrays.stream(Provider.values()).filter(p -> !p.cancelledOutcome).map(p -> p.id))
        .containsExactly("pixverse", "wavespeed");
  }
}
