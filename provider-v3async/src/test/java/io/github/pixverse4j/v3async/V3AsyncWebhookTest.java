package io.github.pixverse4j.v3async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import io.reactivex.rxjava3.observers.TestObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Novita-family callbacks: extra.webhook.url on submit, the URL's token checked. */
class V3AsyncWebhookTest {
  static final String KEY = "hw-key-5150";
  static final String TOKEN = "tok_0123456789abcdefXYZ";

  private static VideoClient client(String baseUrl) {
    return V3Async.highway()
        .apiKey(KEY)
        .baseUrl(baseUrl)
        .pollingPolicy(PollingPolicy.builder().jitter(0).build())
        .webhook(V3AsyncWebhook.of("https://hooks.example/v3?app=1", TOKEN))
        .build();
  }

  static String event(String taskId, String status, String videoUrl) {
    return "{\"event_type\":\"ASYNC_TASK_RESULT\",\"payload\":{\"task\":{\"task_id\":\""
        + taskId
        + "\",\"status\":\""
        + status
        + "\",\"reason\":\"\",\"eta\":0,\"progress_percent\":100},\"extra\":{},\"images\":[],"
        + "\"videos\":["
        + (videoUrl == null
            ? ""
            : "{\"video_url\":\""
                + videoUrl
                + "\",\"video_url_ttl\":\"3600\",\"video_type\":\"mp4\"}")
        + "],\"audios\":[]}}";
  }

  private static WebhookRequest request(String target, String body) {
    return WebhookRequest.of(
        target,
        Collections.singletonMap("Content-Type", Collections.singletonList("application/json")),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("the submit carries extra.webhook.url with the token; the callback ends the stream")
  void submitAndCallback() {
    try (V3AsyncSimulator sim =
        new V3AsyncSimulator(KEY, V3AsyncSimulator.Model.PIXVERSE_V6_I2V).start()) {
      sim.nextJobs(Lifecycle.builder().runningFor(100).succeeded());
      VideoClient client = client(sim.baseUrl());
      TestObserver<TaskStatus> obs =
          client
              .generate(
                  ImageToVideoRequest.builder()
                      .image(ImageInput.url("https://example.com/a.png"))
                      .prompt("p")
                      .build())
              .test();
      obs.awaitCount(1);
      String taskId = obs.values().get(0).handle().taskId();
      String submitted = new String(sim.requests("submit").get(0).body(), StandardCharsets.UTF_8);
      assertThat(submitted)
          .contains(
              "\"extra\":{\"webhook\":{\"url\":\"https://hooks.example/v3?app=1&pv4j_token="
                  + TOKEN
                  + "\"}}");
      client
          .webhookHandler()
          .handle(
              request(
                  "/v3?app=1&pv4j_token=" + TOKEN,
                  event(taskId, "TASK_STATUS_SUCCEED", "https://media.example/x.mp4")));
      obs.awaitDone(10, TimeUnit.SECONDS);
      obs.assertComplete();
      TaskStatus last = obs.values().get(obs.values().size() - 1);
      assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
      assertThat(last.videos().get(0).url().toString()).isEqualTo("https://media.example/x.mp4");
      assertThat(sim.requestCount("status")).isZero();
    }
  }

  @Test
  @DisplayName("a missing or wrong token is refused and changes nothing; other events are ignored")
  void token() {
    WebhookHandler handler = client("http://127.0.0.1:9").webhookHandler();
    List<WebhookEvent> heard = new ArrayList<>();
    handler.addListener(heard::add);
    String body = event("t-1", "TASK_STATUS_FAILED", null);
    assertThat(handler.handle(request("/v3?app=1", body)).status()).isEqualTo(401);
    assertThat(handler.handle(request("/v3?pv4j_token=" + TOKEN + "x", body)).body())
        .isEqualTo("invalid token");
    assertThat(handler.handle(request("", body)).status()).isEqualTo(401);
    assertThat(heard).isEmpty();
    assertThat(handler.handle(request("/v3?pv4j_token=" + TOKEN, "{\"event_type\":\"PING\"}")))
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(heard).isEmpty();
    assertThat(handler.handle(request("/v3?pv4j_token=" + TOKEN, "[1,")).status()).isEqualTo(400);
    assertThat(handler.handle(request("/v3?app=1&pv4j_token=" + TOKEN, body)).status())
        .isEqualTo(200);
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).state()).isEqualTo(TaskState.FAILED);
    // A success whose payload has no video: the engine will read the result.
    handler.handle(request("/v3?pv4j_token=" + TOKEN, event("t-2", "TASK_STATUS_SUCCEED", null)));
    assertThat(heard.get(1).status()).isEmpty();
  }

  @Test
  @DisplayName("the webhook URL must be https (or loopback) and the token long and URL-safe")
  void settings() {
    assertThatThrownBy(() -> V3AsyncWebhook.of("http://hooks.example/x", TOKEN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> V3AsyncWebhook.of("https://hooks.example/x", "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(V3AsyncWebhook.of("http://127.0.0.1:8080/x", TOKEN).toString())
        .doesNotContain(TOKEN);
    assertThat(V3AsyncWebhook.randomToken()).matches("[A-Za-z0-9_-]{43}");
  }
}
