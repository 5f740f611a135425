package io.github.pixverse4j.v3async;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("contract: V3Async.myrouter() (pixverse-v4.5-i2v)")
class MyRouterContractTest extends V3AsyncContractTest {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return V3AsyncSimulator.myrouter(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return V3Async.myrouter()
        .baseUrl(simulator.baseUrl())
        .apiKey(apiKey)
        .pollingPolicy(policy)
        .build();
  }
}
