package io.github.pixverse4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.CallbackSender.Fault;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.observers.TestObserver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The webhook group of the provider contract (issue 28), in its own class: a provider whose
 * capabilities say {@code supportsWebhooks()} proves, against its simulator, that a callback ends
 * the stream without a poll, that a forged one is refused and changes nothing, and that a resend is
 * handled once. Every test is skipped for a provider without webhooks. The simulator's callbacks
 * reach the client's handler in-process ({@link CallbackSender.Transport}), faults and all.
 */
public abstract class WebhookContract {
  /** The simulator's API key. */
  protected static final String API_KEY = "webhook-contract-key-41c9";

  private ProviderSimulator simulator;

  /** Starts the provider's simulator with {@code apiKey}, jobs running until a callback. */
  protected abstract ProviderSimulator startSimulator(String apiKey);

  /** A client of the simulator configured for callbacks (the default polling policy is fine). */
  protected abstract VideoClient webhookClient(ProviderSimulator simulator, String apiKey);

  /**
   * Points the simulator's callbacks at the handler through {@code transport} (any URL path, as the
   * client expects it) and returns its sender.
   */
  protected abstract CallbackSender callbacks(
      ProviderSimulator simulator, CallbackSender.Transport transport);

  /** Makes the simulator send the callback of job {@code jobId}'s end. */
  protected abstract void sendCallback(ProviderSimulator simulator, String jobId);

  /** A request the provider accepts. */
  protected ImageToVideoRequest validRequest() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/contract.png"))
        .prompt("a webhook contract")
        .build();
  }

  @AfterEach
  void stopSimulator() {
    if (simulator != null) simulator.close();
  }

  private static final class Rig {
    VideoClient client;
    CallbackSender sender;
    TestObserver<TaskStatus> stream;
    String taskId;
  }

  private Rig rig() {
    simulator = startSimulator(API_KEY);
    Rig r = new Rig();
    r.client = webhookClient(simulator, API_KEY);
    assumeTrue(
        r.client.capabilities().supportsWebhooks(),
        r.client.providerId() + " does not support webhooks");
    VideoClient client = r.client;
    r.sender =
        callbacks(
            simulator,
            (url, headers, body) -> {
              Map<String, List<String>> h = new LinkedHashMap<>();
              for (Map.Entry<String, String> e : headers.entrySet()) {
                h.put(e.getKey(), Collections.singletonList(e.getValue()));
              }
              WebhookResponse a = client.webhookHandler().handle(WebhookRequest.of(url, h, body));
              return new CallbackSender.Delivery(a.status(), a.body());
            });
    r.stream = client.generate(validRequest()).test();
    r.stream.awaitCount(1);
    r.taskId = r.stream.values().get(0).handle().taskId();
    return r;
  }

  @Test
  @DisplayName("webhooks: a callback ends the stream at once, without a status read")
  public void callbackEndsStream() {
    Rig r = rig();
    sendCallback(simulator, r.taskId);
    r.stream.awaitDone(10, TimeUnit.SECONDS);
    r.stream.assertComplete();
    assertThat(r.stream.values().get(r.stream.values().size() - 1).state())
        .isEqualTo(TaskState.SUCCEEDED);
    assertThat(r.sender.deliveries()).extracting(CallbackSender.Delivery::status).containsOnly(200);
    assertThat(simulator.requestCount("status")).isZero();
  }

  @Test
  @DisplayName("webhooks: a forged callback is refused with 401 and changes nothing")
  public void forgedRefused() {
    Rig r = rig();
    r.sender.nextFaults(Fault.WRONG_SIGNATURE);
    sendCallback(simulator, r.taskId);
    assertThat(r.sender.deliveries())
        .extracting(CallbackSender.Delivery::status)
        .containsExactly(401);
    r.stream.assertNotComplete();
    sendCallback(simulator, r.taskId);
    r.stream.awaitDone(10, TimeUnit.SECONDS);
    r.stream.assertComplete();
  }

  @Test
  @DisplayName("webhooks: a resent callback is acknowledged and handled once")
  public void duplicateOnce() {
    Rig r = rig();
    r.sender.nextFaults(Fault.DUPLICATED);
    sendCallback(simulator, r.taskId);
    r.stream.awaitDone(10, TimeUnit.SECONDS);
    r.stream.assertComplete();
    assertThat(r.sender.deliveries())
        .extracting(CallbackSender.Delivery::status)
        .containsExactly(200, 200);
    long ends = r.stream.values().stream().filter(TaskStatus::isTerminal).count();
    assertThat(ends).isEqualTo(1);
  }
}
