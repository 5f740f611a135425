package io.github.pixverse4j.fal;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.fal.simulator.FalSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

/** fal.ai, a configuration of the queue family, against its simulator. */
class FalContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return FalSimulator.create(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return Fal.builder().baseUrl(simulator.baseUrl()).apiKey(apiKey).pollingPolicy(policy).build();
  }

  @Override
  protected String unknownStatusBody() {
    return new FalSimulator.Factory().unknownStatusBody();
  }

  @Override
  protected ContractTraits traits() {
    // The queue family reports queue positions and cancellation, but no progress percentage.
    return ContractTraits.statesOnly().withQueuePosition().withCancelledState();
  }
}
