package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.testkit.FastPolling;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ErrCode envelope, HTTP failures and result status values, mapped to the api-model. */
class PixVerseErrorsTest {
  private static final String KEY = "errors-key-93ac1f";

  private PixVerseSimulator sim;
  private VideoClient client;
  private VideoProvider provider;

  @BeforeEach
  void start() {
    sim = new PixVerseSimulator(KEY).start();
    PixVerse.Builder b =
        PixVerse.builder()
            .apiKey(KEY)
            .baseUrl(sim.baseUrl())
            .pollingPolicy(FastPolling.builder().maxRetryAfter(Duration.ofMillis(50)).build());
    client = b.build();
    provider = b.component().provider();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("a cat")
        .build();
  }

  private static Throwable errorOf(io.reactivex.rxjava3.core.Single<?> single) {
    try {
      single.timeout(10, TimeUnit.SECONDS).blockingGet();
      throw new AssertionError("expected an error");
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static String envelope(long code, String message) {
    return "{\"ErrCode\":" + code + ",\"ErrMsg\":\"" + message + "\",\"Resp\":null}";
  }

  @ParameterizedTest(name = "ErrCode {0} on HTTP {1} → {2}")
  @DisplayName("the ErrCode decides, whatever the HTTP status")
  @CsvSource({
    "400011, 200, InvalidRequestException",
    "400017, 200, InvalidRequestException",
    "400012, 200, AuthenticationException",
    "500044, 200, RateLimitedException",
    "500052, 200, ContentRejectedException",
    "400017, 500, InvalidRequestException",
    "999999, 200, VideoApiException",
    "999999, 400, InvalidRequestException",
    "999999, 503, ProviderUnavailableException",
  })
  void codes(long code, int http, String type) {
    sim.faults()
        .on("submit")
        .always(
            Fault.status(http, envelope(code, "said " + code)).withContentType("application/json"));
    Throwable e = errorOf(provider.submit(request()));
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    VideoApiException v = (VideoApiException) e;
    assertThat(v.providerCode()).hasValue(Long.toString(code));
    assertThat(v.httpStatus()).hasValue(http);
    assertThat(v.providerId()).hasValue("pixverse");
    assertThat(v.getMessage()).contains("said " + code);
  }

  @ParameterizedTest(name = "ErrCode {0} on HTTP {1}")
  @DisplayName(
      "a parameter error on a status call speaks of the task id, never of the prompt, image and"
          + " settings")
  @CsvSource({"400011, 200", "400017, 200", "400017, 400"})
  void parameterErrorOnStatus(long code, int http) {
    sim.faults()
        .on("status")
        .always(
            Fault.status(http, envelope(code, "said " + code)).withContentType("application/json"));
    Throwable e = errorOf(provider.status(TaskHandle.of("pixverse", "v4.5", "300000000001")));
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage())
        .contains("task id")
        .doesNotContain("prompt")
        .contains("said " + code);
  }

  @Test
  @DisplayName("the lower-case envelope is read too, and an error message never shows the key")
  void lowerCaseAndScrubbed() {
    sim.faults()
        .on("submit")
        .always(
            Fault.status(
                    200, "{\"err_code\":400012,\"err_msg\":\"bad key " + KEY + "\",\"resp\":null}")
                .withContentType("application/json"));
    Throwable e = errorOf(provider.submit(request()));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
  }

  @Test
  @DisplayName(
      "an upload refused by moderation (HTTP 500, lower-case body) fails with"
          + " ContentRejectedException and creates no job")
  void moderatedUpload() {
    sim.moderateNextUpload();
    Throwable e = errorOf(client.submit(request()));
    assertThat(e).isInstanceOf(ContentRejectedException.class);
    assertThat(((VideoApiException) e).providerCode()).hasValue("500052");
    assertThat(((VideoApiException) e).httpStatus()).hasValue(500);
    assertThat(sim.requestCount("upload")).isEqualTo(1);
    assertThat(sim.requestCount("submit")).isZero();
  }

  @Test
  @DisplayName(
      "a wrong key (HTTP 200, ErrCode 400012) fails at the upload with AuthenticationException")
  void wrongKey() {
    VideoClient bad = PixVerse.builder().apiKey("other-key").baseUrl(sim.baseUrl()).build();
    Throwable e = errorOf(bad.submit(request()));
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(sim.requests()).hasSize(1);
  }

  @Test
  @DisplayName("the concurrency limit (500044) on generate is retried by the engine: one job")
  void concurrencyLimitRetried() {
    sim.faults()
        .on("submit")
        .call(1)
        .respond(
            Fault.status(200, envelope(500044, "concurrency limit"))
                .withContentType("application/json"));
    TaskHandle h = client.submit(request()).timeout(10, TimeUnit.SECONDS).blockingGet();
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());
    assertThat(sim.requestCount("submit")).isEqualTo(2);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an upload whose connection drops is safe to resend: no job existed, the engine retries, one"
          + " job")
  void droppedUploadRetried() {
    sim.faults().on("upload").call(1).respond(Fault.dropAfterRead());
    Throwable first = errorOf(provider.submit(request()));
    assertThat(first).isInstanceOf(TransportException.class);
    assertThat(((TransportException) first).requestMayHaveReachedServer()).isFalse();
    assertThat(first.getMessage()).contains("No video job was created");

    sim.clearRequests();
    sim.faults().clear();
    sim.faults().on("upload").call(1).respond(Fault.dropAfterRead());
    TaskHandle h = client.submit(request()).timeout(10, TimeUnit.SECONDS).blockingGet();
    assertThat(h).isNotNull();
    assertThat(sim.requestCount("upload")).isEqualTo(2);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an upload answered by a 502 gateway is retried; one answered 500 is not and is not 'outcome"
          + " unknown'")
  void uploadServerErrors() {
    sim.faults().on("upload").call(1).respond(Fault.status(502, "bad gateway"));
    assertThat(client.submit(request()).timeout(10, TimeUnit.SECONDS).blockingGet()).isNotNull();
    assertThat(sim.requestCount("upload")).isEqualTo(2);

    sim.faults().clear();
    sim.faults().on("upload").always(Fault.status(500, "{}"));
    Throwable e = errorOf(client.submit(request()));
    assertThat(e)
        .isInstanceOf(ProviderUnavailableException.class)
        .isNotInstanceOf(SubmitOutcomeUnknownException.class);
  }

  @Test
  @DisplayName("an unreadable upload answer is an error that does not claim a job may exist")
  void malformedUpload() {
    sim.faults().on("upload").always(Fault.malformedJson());
    Throwable e = errorOf(client.submit(request()));
    assertThat(e).isNotInstanceOf(SubmitOutcomeUnknownException.class);
    assertThat(e.getCause()).isInstanceOf(MalformedResponseException.class);
    assertThat(sim.requestCount("submit")).isZero();
  }

  @Test
  @DisplayName("a generate whose answer is lost after the upload is outcome-unknown and not resent")
  void lostGenerate() {
    sim.faults().on("submit").call(1).respond(Fault.dropAfterRead());
    Throwable e = errorOf(client.submit(request()));
    assertThat(e).isInstanceOf(SubmitOutcomeUnknownException.class);
    assertThat(sim.requestCount("upload")).isEqualTo(1);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("a 200 answer without ErrCode, or with ErrCode 0 but no Resp, is malformed")
  void missingEnvelopeFields() {
    sim.faults()
        .on("submit")
        .call(1)
        .respond(
            Fault.status(200, "{\"Resp\":{\"video_id\":1}}").withContentType("application/json"));
    assertThat(errorOf(provider.submit(request()))).isInstanceOf(MalformedResponseException.class);
    sim.faults()
        .on("submit")
        .call(2)
        .respond(
            Fault.status(200, "{\"ErrCode\":0,\"ErrMsg\":\"ok\"}")
                .withContentType("application/json"));
    assertThat(errorOf(provider.submit(request()))).isInstanceOf(MalformedResponseException.class);
    sim.faults()
        .on("submit")
        .call(3)
        .respond(
            Fault.status(200, "{\"ErrCode\":0,\"Resp\":{}}").withContentType("application/json"));
    assertThat(errorOf(provider.submit(request())))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("video_id");
  }

  private TaskStatus statusFor(String resp) {
    TaskHandle h = TaskHandle.of("pixverse", "v4.5", "123");
    sim.faults().clear();
    sim.faults()
        .on("status")
        .always(
            Fault.status(200, "{\"ErrCode\":0,\"ErrMsg\":\"success\",\"Resp\":" + resp + "}")
                .withContentType("application/json"));
    return provider.status(h).timeout(10, TimeUnit.SECONDS).blockingGet();
  }

  @ParameterizedTest(name = "status {0} → {1}")
  @DisplayName("result status values map to states and failure categories")
  @CsvSource({
    "5, RUNNING, ",
    "9, RUNNING, ",
    "10, RUNNING, ",
    "7, FAILED, MODERATION",
    "8, FAILED, PROVIDER_ERROR",
    "6, FAILED, UNKNOWN",
  })
  void statuses(int status, TaskState state, FailureCategory category) {
    TaskStatus s =
        statusFor("{\"id\":123,\"status\":" + status + ",\"url\":\"\",\"outputWidth\":0}");
    assertThat(s.state()).isEqualTo(state);
    assertThat(s.rawStatus()).hasValue(Integer.toString(status));
    if (category != null) {
      assertThat(s.failure().get().category()).isEqualTo(category);
      assertThat(s.failure().get().providerCode()).hasValue(Integer.toString(status));
    }
  }

  @Test
  @DisplayName(
      "an unknown status, a non-numeric status, or a success without url is malformed, never"
          + " guessed")
  void unknownStatus() {
    for (String resp :
        List.of("{\"status\":2}", "{\"status\":\"done\"}", "{\"status\":1,\"url\":\"\"}", "{}")) {
      assertThatThrownBy(() -> statusFor(resp))
          .as(resp)
          .isInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  @DisplayName("a result answered 403 or 429 maps by HTTP status (no envelope)")
  void statusHttp() {
    TaskHandle h = TaskHandle.of("pixverse", "v4.5", "123");
    sim.faults()
        .on("status")
        .call(1)
        .respond(Fault.status(429, "{}").withHeader("Retry-After", "3"));
    Throwable e = errorOf(provider.status(h));
    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) e).retryAfter()).hasValue(Duration.ofSeconds(3));
    sim.faults().on("status").call(2).respond(Fault.status(403, "forbidden"));
    assertThat(errorOf(provider.status(h))).isInstanceOf(AuthenticationException.class);
  }

  @Test
  @DisplayName("cancel is unsupported and sends nothing")
  void cancel() {
    Throwable e =
        errorOf(provider.cancel(TaskHandle.of("pixverse", "v4.5", "1")).toSingleDefault(1));
    assertThat(e).isInstanceOf(io.github.pixverse4j.api.UnsupportedFeatureException.class);
    assertThat(sim.requests()).isEmpty();
  }
}
