package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.github.pixverse4j.pixverse.PixVerseWebhook.SignatureForm;
import io.github.pixverse4j.pixverse.internal.PixVerseSignature;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.Lifecycle;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.schedulers.TestScheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PixVerse callbacks: the signature of the "Webhook integration" guide in its four documented
 * forms, the timestamp tolerance, the nonce replay cache, and {@code webhook_id} on submit.
 *
 * <p>The expected signatures were computed independently with Python 3's {@code hmac}, {@code
 * hashlib}, {@code base64} and {@code urllib.parse.quote_plus} (the script is in this class's
 * comment below; its output pasted here), not with the code under test.
 */
class PixVerseWebhookTest {
  /*
   * import base64, hashlib, hmac, json, urllib.parse
   * from collections import OrderedDict
   * def val(v): return ("true" if v else "false") if isinstance(v, bool) else str(v)
   * def enc_urllib(s): return urllib.parse.quote_plus(s, safe="")                       # keeps ~
   * def enc_urlencoder(s): return urllib.parse.quote_plus(s, safe="*").replace("~", "%7E")
   * def canonical(body, sort, enc):
   *     d = json.loads(body, object_pairs_hook=OrderedDict)
   *     items = sorted(d.items()) if sort else list(d.items())
   *     return "&".join(enc(k) + "=" + enc(val(v)) for k, v in items)
   * def sign(secret, ts, nonce, body, sort, enc):
   *     s = ts + "\n" + nonce + "\n" + canonical(body, sort, enc)
   *     return base64.b64encode(hmac.new(secret.encode(), s.encode(), hashlib.sha256).digest())
   */
  static final String SECRET = "sk_test_0123456789abcdef";
  static final String TIMESTAMP = "1764921600";
  static final String NONCE = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";

  /** The guide's example body. */
  static final String GUIDE_BODY =
      "{\"id\":\"123456789\",\"status\":1,\"url\":\"https://media.example/v/123456789.mp4\","
          + "\"size\":10.5,\"has_audio\":true,\"credits\":100}";

  /** Keys out of order, an id beyond 2^53, and a URL with '~', '*', a space and a query. */
  static final String TRICKY_BODY =
      "{\"status\":1,\"id\":\"372834923749823742\",\"url\":\"https://media.example/a~b*c d.mp4"
          + "?x=1&y=2\",\"has_audio\":false,\"credits\":45,\"size\":3}";

  private static Map<SignatureForm, String> expected(String... sigs) {
    Map<SignatureForm, String> m = new LinkedHashMap<>();
    m.put(SignatureForm.BODY_ORDER_URLLIB, sigs[0]);
    m.put(SignatureForm.BODY_ORDER_URLENCODER, sigs[1]);
    m.put(SignatureForm.SORTED_URLLIB, sigs[2]);
    m.put(SignatureForm.SORTED_URLENCODER, sigs[3]);
    return m;
  }

  static final Map<SignatureForm, String> GUIDE_SIGS =
      expected(
          "gbVi8obi5Ax0GAjFPFglX2z6eHEAas2AKVzE299eHsU=",
          "gbVi8obi5Ax0GAjFPFglX2z6eHEAas2AKVzE299eHsU=",
          "XJnzBGRAjTwzD/c4yCDlTKEHY0bc+2upnAAhTWXN0Ao=",
          "XJnzBGRAjTwzD/c4yCDlTKEHY0bc+2upnAAhTWXN0Ao=");

  static final Map<SignatureForm, String> TRICKY_SIGS =
      expected(
          "nr8SUWB+6gYklGZzDXPDEaNsWupRhki/1kITsUVsaCI=",
          "ZgkoOLI+dZRpOn2+96ZC8kyvlAnhVlzatlHrqkClg+o=",
          "00cPeeOw2MYD0B3MkzDCRYDKok6FJCf5hx09HhLdafU=",
          "Wn4/LoZavJ4C0zgWAcbtEpIdL+vHBX2WT/IxuTgUY5A=");

  private final TestScheduler time = new TestScheduler();

  private VideoClient client(String baseUrl) {
    time.advanceTimeTo(Long.parseLong(TIMESTAMP), TimeUnit.SECONDS);
    return PixVerse.builder()
        .apiKey("pv-key-777")
        .baseUrl(baseUrl)
        .scheduler(time)
        .pollingPolicy(PollingPolicy.builder().jitter(0).build())
        .webhook(PixVerseWebhook.of("wh-42", SECRET))
        .build();
  }

  private static WebhookRequest signed(String ts, String nonce, String sig, String body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (ts != null) h.put("Webhook-Timestamp", Collections.singletonList(ts));
    if (nonce != null) h.put("webhook-nonce", Collections.singletonList(nonce));
    if (sig != null) h.put("WEBHOOK-SIGNATURE", Collections.singletonList(sig));
    h.put("Content-Type", Collections.singletonList("application/json"));
    return WebhookRequest.of("/hooks/pixverse", h, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("the signature of every documented form equals Python's")
  void vectors() throws Exception {
    for (SignatureForm v : SignatureForm.values()) {
      assertThat(sign(GUIDE_BODY, v)).as("guide body, " + v).isEqualTo(GUIDE_SIGS.get(v));
      assertThat(sign(TRICKY_BODY, v)).as("tricky body, " + v).isEqualTo(TRICKY_SIGS.get(v));
    }
    assertThat(
            PixVerseSignature.signString(
                TIMESTAMP,
                NONCE,
                PixVerseSignature.pairs(TRICKY_BODY.getBytes(StandardCharsets.UTF_8)),
                SignatureForm.SORTED_URLENCODER))
        .isEqualTo(
            TIMESTAMP
                + "\n"
                + NONCE
                + "\ncredits=45&has_audio=false&id=372834923749823742&size=3&status=1"
                + "&url=https%3A%2F%2Fmedia.example%2Fa%7Eb*c+d.mp4%3Fx%3D1%26y%3D2");
  }

  private static String sign(String body, SignatureForm v) throws Exception {
    return PixVerseSignature.signBase64(
        SECRET, TIMESTAMP, NONCE, body.getBytes(StandardCharsets.UTF_8), v);
  }

  @Test
  @DisplayName("a callback signed in any documented form is accepted, and which form is recorded")
  void everyFormAccepted() {
    WebhookHandler handler = client("http://127.0.0.1:9").webhookHandler();
    List<WebhookEvent> heard = new ArrayList<>();
    handler.addListener(heard::add);
    int n = 0;
    for (SignatureForm v : SignatureForm.values()) {
      // A fresh nonce and event each time: the nonce cache and the duplicate filter stay out.
      String body =
          TRICKY_BODY.replace("372834923749823742", "1000" + n).replace("c d.mp4", "c%20d.mp4");
      String nonce = NONCE.substring(1) + n++;
      String sig = signOrFail(nonce, body, v);
      WebhookResponse r = handler.handle(signed(TIMESTAMP, nonce, sig, body));
      assertThat(r.status()).as(v.name()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok");
    }
    assertThat(heard)
        .extracting(e -> e.variant().get())
        .containsExactly(
            "BODY_ORDER_URLLIB", "BODY_ORDER_URLENCODER", "SORTED_URLLIB", "SORTED_URLENCODER");
    // The event names the public constant, so a listener can turn it back into one.
    assertThat(heard)
        .extracting(e -> SignatureForm.valueOf(e.variant().get()))
        .containsExactly(SignatureForm.values());
    TaskStatus s = heard.get(0).status().get();
    assertThat(s.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(s.videos().get(0).url().toString())
        .isEqualTo("https://media.example/a~b*c%20d.mp4?x=1&y=2");
  }

  private static String signOrFail(String nonce, String body, SignatureForm v) {
    try {
      return PixVerseSignature.signBase64(
          SECRET, TIMESTAMP, nonce, body.getBytes(StandardCharsets.UTF_8), v);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName(
      "wrong, missing or malformed signatures, stale timestamps and replayed nonces are refused"
          + " and change nothing")
  void refusals() {
    VideoClient client = client("http://127.0.0.1:9");
    WebhookHandler handler = client.webhookHandler();
    List<WebhookEvent> heard = new ArrayList<>();
    handler.addListener(heard::add);
    String good = GUIDE_SIGS.get(SignatureForm.SORTED_URLLIB);
    // Wrong secret, tampered body, garbage, missing headers.
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, good.replace('X', 'Y'), GUIDE_BODY)))
        .extracting(WebhookResponse::status, WebhookResponse::body)
        .containsExactly(401, "invalid signature");
    assertThat(
            handler
                .handle(
                    signed(
                        TIMESTAMP, NONCE, good, GUIDE_BODY.replace("\"status\":1", "\"status\":8")))
                .status())
        .isEqualTo(401);
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, "%%%", GUIDE_BODY)).status()).isEqualTo(401);
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, null, GUIDE_BODY)).body())
        .isEqualTo("missing signature headers");
    assertThat(handler.handle(signed(null, NONCE, good, GUIDE_BODY)).status()).isEqualTo(401);
    // The same timestamp read 6 minutes later: outside the 5-minute tolerance.
    time.advanceTimeBy(6, TimeUnit.MINUTES);
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, good, GUIDE_BODY)).body())
        .isEqualTo("timestamp outside tolerance");
    assertThat(heard).as("nothing refused reached the listeners").isEmpty();
    // Back in the window: the refused attempts with this nonce did not burn it.
    time.advanceTimeTo(Long.parseLong(TIMESTAMP), TimeUnit.SECONDS);
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, good, GUIDE_BODY)).status()).isEqualTo(200);
    assertThat(heard).hasSize(1);
    // The same signed request again: a replay.
    assertThat(handler.handle(signed(TIMESTAMP, NONCE, good, GUIDE_BODY)).body())
        .isEqualTo("replayed nonce");
  }

  @Test
  @DisplayName(
      "a resend of one event (new nonce, same id and status) is answered ok and handled once")
  void resendHandledOnce() {
    WebhookHandler handler = client("http://127.0.0.1:9").webhookHandler();
    List<WebhookEvent> heard = new ArrayList<>();
    handler.addListener(heard::add);
    for (int i = 0; i < 3; i++) {
      String nonce = "resend" + i + NONCE.substring(7);
      WebhookResponse r =
          handler.handle(
              signed(
                  TIMESTAMP,
                  nonce,
                  signOrFail(nonce, GUIDE_BODY, SignatureForm.SORTED_URLLIB),
                  GUIDE_BODY));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ok");
    }
    assertThat(heard).hasSize(1);
  }

  @Test
  @DisplayName("status 7 is a moderation failure, 8 a provider error; 5 is not an end")
  void statuses() {
    WebhookHandler handler = client("http://127.0.0.1:9").webhookHandler();
    List<WebhookEvent> heard = new ArrayList<>();
    handler.addListener(heard::add);
    String[] bodies = {
      "{\"id\":\"11\",\"status\":7,\"url\":\"\",\"size\":0,\"has_audio\":false,\"credits\":0}",
      "{\"id\":\"12\",\"status\":8}",
      "{\"id\":\"13\",\"status\":5}",
      "{\"id\":\"14\",\"status\":1,\"url\":\"\"}"
    };
    int n = 0;
    for (String body : bodies) {
      String nonce = "st" + n++ + NONCE.substring(3);
      assertThat(
              handler
                  .handle(
                      signed(
                          TIMESTAMP,
                          nonce,
                          signOrFail(nonce, body, SignatureForm.BODY_ORDER_URLLIB),
                          body))
                  .status())
          .isEqualTo(200);
    }
    assertThat(heard).hasSize(3);
    assertThat(heard.get(0).status().get().failure().get().category())
        .isEqualTo(FailureCategory.MODERATION);
    assertThat(heard.get(1).status().get().failure().get().category())
        .isEqualTo(FailureCategory.PROVIDER_ERROR);
    assertThat(heard.get(2).status()).as("a success without its url").isEmpty();
    assertThat(heard.get(2).handle().taskId()).isEqualTo("14");
  }

  @Test
  @DisplayName("every submit carries webhook_id, and the callback ends the stream before any poll")
  void submitCarriesWebhookId() {
    try (PixVerseSimulator sim = new PixVerseSimulator("pv-key-777").start()) {
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
      TaskHandle handle = obs.values().get(0).handle();
      assertThat(new String(sim.requests("submit").get(0).body(), StandardCharsets.UTF_8))
          .contains("\"webhook_id\":\"wh-42\"");
      String body =
          "{\"id\":\""
              + handle.taskId()
              + "\",\"status\":1,\"url\":\"https://media.example/done.mp4\",\"size\":1.5,"
              + "\"has_audio\":false,\"credits\":45}";
      handler(client)
          .handle(
              signed(TIMESTAMP, NONCE, signOrFail(NONCE, body, SignatureForm.SORTED_URLLIB), body));
      // The watcher may start a moment after QUEUED was emitted: the hub keeps the end for it.
      obs.awaitDone(10, TimeUnit.SECONDS);
      obs.assertComplete();
      assertThat(obs.values().get(obs.values().size() - 1).videos().get(0).url().toString())
          .isEqualTo("https://media.example/done.mp4");
      assertThat(sim.requestCount("status")).isZero();
    }
  }

  private static WebhookHandler handler(VideoClient client) {
    return client.webhookHandler();
  }

  @Test
  @DisplayName("without .webhook(..) the client builds, and webhookHandler() throws, saying so")
  void noWebhookNoHandler() {
    VideoClient plain =
        PixVerse.builder().apiKey("pv-key-777").baseUrl("http://127.0.0.1:9").build();
    assertThatThrownBy(plain::webhookHandler)
        .isInstanceOf(UnsupportedFeatureException.class)
        .hasMessageContaining("not configured for callbacks")
        .hasMessageContaining("set them up on its builder");
  }
}
