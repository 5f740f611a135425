package io.github.pixverse4j.poll;

import io.github.pixverse4j.client.DescribedClient;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.PollSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

/** A poll-family configuration with every optional part passes the whole contract. */
class ZetaContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return new PollSimulator(Zeta.SIMULATOR, apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return DescribedClient.builder(Zeta.PROTOCOL)
        .baseUrl(simulator.baseUrl())
        .apiKey(apiKey)
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"id\":\"z-1\",\"state\":\"teleporting\"}";
  }

  @Override
  protected ContractTraits traits() {
    return ContractTraits.statesOnly().withQueuePosition().withProgress().withCancelledState();
  }
}
