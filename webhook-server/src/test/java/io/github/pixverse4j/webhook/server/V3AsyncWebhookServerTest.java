package io.github.pixverse4j.webhook.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.CallbackSender.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.v3async.V3Async;
import io.github.pixverse4j.v3async.V3AsyncWebhook;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback for the v3 async hosts: the simulator POSTs {@code ASYNC_TASK_RESULT} to
 * the {@code extra.webhook.url} the submit carried (the token in its query) on a {@link
 * WebhookServer} mounted on the client's handler.
 */
class V3AsyncWebhookServerTest {
  static final String KEY = "hw-secret-api-key-4242";
  static final String TOKEN = "v3-token-0123456789abcdef";

  private V3AsyncSimulator sim;
  private WebhookServer server;

  @AfterEach
  void tearDown() {
    if (server != null) server.close();
    if (sim != null) sim.close();
  }

  @Test
  @DisplayName(
      "over HTTP: a forged token is refused with 401, a resent callback ends the stream once")
  void endToEnd() throws IOException {
    sim = V3AsyncSimulator.highway(KEY).start();
    sim.defaultLifecycle(Lifecycle.builder().runningFor(1000).succeeded());
    VideoClient[] client = new VideoClient[1];
    server =
        WebhookServer.builder()
            .route(
                "/hooks/v3async",
                new WebhookHandler() { // the client needs the server's URL, so it comes later
                  @Override
                  public WebhookResponse handle(WebhookRequest request) {
                    return client[0].webhookHandler().handle(request);
                  }

                  @Override
                  public Disposable addListener(Consumer<WebhookEvent> listener) {
                    return client[0].webhookHandler().addListener(listener);
                  }
                })
            .build()
            .start();
    client[0] =
        V3Async.highway()
            .apiKey(KEY)
            .baseUrl(sim.baseUrl())
            .webhook(V3AsyncWebhook.of(server.url("/hooks/v3async") + "?app=1", TOKEN))
            .build();
    CallbackSender sender = sim.callbacksTo();
    TestObserver<TaskStatus> obs =
        client[0]
            .generate(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/a.png"))
                    .prompt("p")
                    .build())
            .test();
    obs.awaitCount(1);
    String id = obs.values().get(0).handle().taskId();
    sender.nextFaults(Fault.WRONG_SIGNATURE, Fault.DUPLICATED);
    sim.sendCallback(id);
    obs.assertNotComplete();
    sim.sendCallback(id);
    obs.awaitDone(10, TimeUnit.SECONDS);
    obs.assertComplete();
    assertThat(obs.values().stream().filter(TaskStatus::isTerminal).map(TaskStatus::state))
        .containsExactly(TaskState.SUCCEEDED);
    assertThat(sender.deliveries())
        .extracting(Object::toString)
        .containsExactly("401 invalid token", "200 ok", "200 ok");
    assertThat(sim.requestCount("status")).isZero();
  }
}
