package com.example.fal;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

/** A provider of the queue family configured in a few lines passes the whole contract. */
class FalContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return FalSimulator.create(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return FalPixVerse.builder()
        .baseUrl(simulator.baseUrl())
        .apiKey(apiKey)
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"status\":\"TELEPORTING\",\"request_id\":\"req_1\"}";
  }

  @Override
  protected ContractTraits traits() {
    return ContractTraits.statesOnly().withQueuePosition().withCancelledState();
  }
}
