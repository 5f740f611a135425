package io.github.pixverse4j.v3async;

import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.WebhookContract;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;

/**
 * The testkit's webhook group for the v3 async protocol; run once per preset by {@link
 * HighwayWebhookContractTest} and {@link MyRouterWebhookContractTest}. The simulator's callbacks go
 * to the {@code extra.webhook.url} each submit carried, the client's token (and another query
 * parameter) included.
 */
abstract class V3AsyncWebhookContract extends WebhookContract {
  static final String TOKEN = "contract-token-0123456789";

  /** The preset's simulator, not started. */
  abstract V3AsyncSimulator simulator(String apiKey);

  /** The preset's builder. */
  abstract V3Async.Builder builder();

  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    V3AsyncSimulator sim = simulator(apiKey).start();
    sim.defaultLifecycle(Lifecycle.builder().runningFor(1000).succeeded());
    return sim;
  }

  @Override
  protected VideoClient webhookClient(ProviderSimulator simulator, String apiKey) {
    return builder()
        .apiKey(apiKey)
        .baseUrl(simulator.baseUrl())
        .webhook(V3AsyncWebhook.of("http://127.0.0.1:9/hooks/v3async?app=contract", TOKEN))
        .build();
  }

  @Override
  protected CallbackSender callbacks(
      ProviderSimulator simulator, CallbackSender.Transport transport) {
    return ((V3AsyncSimulator) simulator).callbacksTo(transport);
  }

  @Override
  protected void sendCallback(ProviderSimulator simulator, String jobId) {
    ((V3AsyncSimulator) simulator).sendCallback(jobId);
  }
}
