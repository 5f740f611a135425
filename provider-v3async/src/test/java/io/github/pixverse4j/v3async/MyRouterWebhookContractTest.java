package io.github.pixverse4j.v3async;

import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import org.junit.jupiter.api.DisplayName;

@DisplayName("contract: V3Async.myrouter() webhooks")
class MyRouterWebhookContractTest extends V3AsyncWebhookContract {
  @Override
  V3AsyncSimulator simulator(String apiKey) {
    return V3AsyncSimulator.myrouter(apiKey);
  }

  @Override
  V3Async.Builder builder() {
    return V3Async.myrouter();
  }
}
