package io.github.pixverse4j.testkit;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.ProviderSimulator;
import org.junit.jupiter.api.DisplayName;

/** A correct provider passes the whole contract. */
@DisplayName("reference provider (correct)")
class ReferenceContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return new ReferenceSimulator(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return ReferenceProvider.client(
        new ReferenceProvider(null, simulator.baseUrl(), apiKey), policy);
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"id\":\"job-1\",\"state\":\"teleporting\"}";
  }

  @Override
  protected ContractTraits traits() {
    return ContractTraits.statesOnly().withQueuePosition().withProgress().withCancelledState();
  }
}
