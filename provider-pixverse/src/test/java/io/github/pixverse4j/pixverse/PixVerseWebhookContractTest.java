package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.WebhookContract;
import org.junit.jupiter.api.DisplayName;

@DisplayName("contract: PixVerse webhooks")
class PixVerseWebhookContractTest extends WebhookContract {
  static final String SECRET = "contract-webhook-secret";

  @Override
  protected ProviderSimulator startSimulator(String apiKey) {
    PixVerseSimulator sim = new PixVerseSimulator(apiKey).start();
    sim.defaultLifecycle(Lifecycle.builder().runningFor(1000).succeeded());
    return sim;
  }

  @Override
  protected VideoClient webhookClient(ProviderSimulator simulator, String apiKey) {
    return PixVerse.builder()
        .apiKey(apiKey)
        .baseUrl(simulator.baseUrl())
        .webhook(PixVerseWebhook.of("wh-contract", SECRET))
        .build();
  }

  @Override
  protected CallbackSender callbacks(
      ProviderSimulator simulator, CallbackSender.Transport transport) {
    return ((PixVerseSimulator) simulator)
        .callbacksTo(
            "/hooks/pixverse", SECRET, PixVerseWebhook.SignatureForm.SORTED_URLENCODER, transport);
  }

  @Override
  protected void sendCallback(ProviderSimulator simulator, String jobId) {
    ((PixVerseSimulator) simulator).sendCallback(jobId);
  }
}
