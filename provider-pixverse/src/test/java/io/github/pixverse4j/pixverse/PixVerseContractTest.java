package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.ContractTraits;
import io.github.pixverse4j.testkit.VideoProviderContract;

/**
 * The testkit contract against {@link PixVerseSimulator}. Its "submit" faults hit generate, the
 * call that creates the job; the upload before it succeeds, so "a lost submit answer" still means
 * "the job may exist" and must not be resent.
 */
class PixVerseContractTest extends VideoProviderContract {
  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    return new PixVerseSimulator(apiKey).start();
  }

  @Override
  protected VideoClient createClient(
      ProviderSimulator simulator, String apiKey, PollingPolicy policy) {
    return PixVerse.builder()
        .apiKey(apiKey)
        .baseUrl(simulator.baseUrl())
        .pollingPolicy(policy)
        .build();
  }

  @Override
  protected String unknownStatusBody() {
    return "{\"ErrCode\":0,\"ErrMsg\":\"success\",\"Resp\":{\"id\":1,\"status\":42,\"url\":\"\"}}";
  }

  @Override
  protected ContractTraits traits() {
    // Status 5 is "generating" for a queued and a running video alike: no queued state.
    return ContractTraits.statesOnly().withoutQueuedState();
  }
}
