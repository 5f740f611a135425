package io.github.pixverse4j.gmi;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

class GmiContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return new GmiSimulator(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return GmiCloud.builder()
        .apiKey(apiKey)
        .baseUrl(simulator.baseUrl())
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"request_id\":\"8fbb88gd-cd78-5132-0g2c-07c4ge944225\",\"model\":\"pixverse-v6-i2v\","
        + "\"status\":\"teleporting\",\"outcome\":null}";
  }

  @Override
  protected ContractTraits traits() {
    // GMI reports neither a queue position nor progress, but has a cancelled state.
    return ContractTraits.statesOnly().withCancelledState();
  }
}
