package io.github.pixverse4j.odirouter;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

class OdiRouterContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return new OdiRouterSimulator(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return OdiRouter.builder()
        .baseUrl(simulator.baseUrl())
        .apiKey(apiKey)
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"status\":\"TELEPORTING\",\"request_id\":\"mmsu_1\"}";
  }

  @Override
  protected ContractTraits traits() {
    return ContractTraits.statesOnly().withQueuePosition().withCancelledState();
  }
}
