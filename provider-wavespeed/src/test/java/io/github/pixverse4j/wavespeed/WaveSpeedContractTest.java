package io.github.pixverse4j.wavespeed;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;
import io.github.pixverse4j.wavespeed.simulator.WaveSpeedSimulator;

/** WaveSpeed, a configuration of the poll family, against its simulator. */
class WaveSpeedContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return WaveSpeedSimulator.create(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return WaveSpeed.builder()
        .baseUrl(simulator.baseUrl())
        .apiKey(apiKey)
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return new WaveSpeedSimulator.Factory().unknownStatusBody();
  }

  @Override
  protected ContractTraits traits() {
    // WaveSpeed reports states only: no queue position, no progress, no cancelled state.
    return ContractTraits.statesOnly();
  }
}
