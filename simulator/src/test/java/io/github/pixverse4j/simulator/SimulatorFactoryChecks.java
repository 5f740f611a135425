package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * What every registered {@link SimulatorFactory} must do, for the tests of the simulator kit and of
 * the simulators in the provider modules (public in the simulator's tests-jar).
 */
public final class SimulatorFactoryChecks {
  private SimulatorFactoryChecks() {}

  /**
   * The factory registered for {@code providerId} on the class path of {@code type}, which must
   * make a fresh, unstarted {@code type} with the key and describe its protocol consistently.
   */
  public static <S extends ProviderSimulator> S assertRegistered(
      String providerId, Class<S> type, String key) throws IOException {
    ClassLoader loader = type.getClassLoader();
    SimulatorFactory f =
        SimulatorFactory.find(providerId, loader)
            .orElseThrow(
                () -> new AssertionError("no SimulatorFactory registered for " + providerId));
    assertThat(f.providerId()).isEqualTo(providerId);
    ProviderSimulator a = f.create(key);
    assertThat(a).as(providerId).isInstanceOf(type).isNotSameAs(f.create(key));
    assertThat(a.apiKey()).as(providerId).isEqualTo(key);
    assertThatThrownBy(a::baseUrl).as(providerId).hasMessageContaining("not started");
    JsonNode unknown = Json.MAPPER.readTree(f.unknownStatusBody());
    assertThat(unknown.isObject()).as(providerId + " unknownStatusBody is a JSON object").isTrue();
    assertThat(f.insufficientCredits().response().status()).as(providerId).isBetween(400, 499);
    assertThat(f.generateEndpoints())
        .as(providerId)
        .contains("submit")
        .doesNotHaveDuplicates()
        .doesNotContain(ProviderSimulator.MEDIA_ENDPOINT);
    assertThat(a.credentialHeaders()).as(providerId).contains(f.credentialHeader());
    return type.cast(a);
  }
}
