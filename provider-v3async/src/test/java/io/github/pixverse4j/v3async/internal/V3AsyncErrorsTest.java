package io.github.pixverse4j.v3async.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.v3async.V3Async;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import io.reactivex.rxjava3.core.Single;
import java.time.Duration;
import java.util.stream.Stream;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * The error envelope {@code {code, reason, message, metadata}} mapped by reason, then by status.
 */
class V3AsyncErrorsTest {
  static final String KEY = "sk-errors-test-9a8b7c6d";
  V3AsyncSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) sim.close();
  }

  static String envelope(int code, String reason, String message) {
    return "{\"code\":"
        + code
        + ",\"reason\":\""
        + reason
        + "\",\"message\":\""
        + message
        + "\",\"metadata\":{}}";
  }

  static HttpException http(int status, String body, Headers headers) {
    Response<?> r =
        Response.error(
            ResponseBody.create(MediaType.parse("application/json"), body),
            new okhttp3.Response.Builder()
                .code(status)
                .message("x")
                .protocol(okhttp3.Protocol.HTTP_1_1)
                .headers(headers)
                .request(
                    new okhttp3.Request.Builder()
                        .url("https://api.highwayapi.ai/v3/async/x")
                        .build())
                .build());
    return new HttpException(r);
  }

  static VideoApiException map(int status, String body) {
    return V3AsyncErrors.fromHttpException(
        "highway", http(status, body, Headers.of()), ApiKey.of(KEY));
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(400, "BILLING_BALANCE_NOT_ENOUGH", InsufficientCreditsException.class),
        Arguments.of(403, "INVALID_API_KEY", AuthenticationException.class),
        Arguments.of(401, "INVALID_API_KEY", AuthenticationException.class),
        Arguments.of(400, "MISSING_API_KEY", AuthenticationException.class),
        Arguments.of(429, "RATE_LIMIT_EXCEEDED", RateLimitedException.class),
        Arguments.of(404, "TASK_NOT_FOUND", TaskNotFoundException.class),
        Arguments.of(400, "ILLEGAL_PROMPT", ContentRejectedException.class),
        Arguments.of(400, "ILLEGAL_IMAGE_CONTENT", ContentRejectedException.class),
        Arguments.of(400, "INVALID_REQUEST_BODY", InvalidRequestException.class),
        Arguments.of(400, "INVALID_IMAGE_FORMAT", InvalidRequestException.class),
        Arguments.of(400, "IMAGE_FILE_EXCEEDS_MAX_SIZE", InvalidRequestException.class),
        Arguments.of(500, "CREATE_TASK_FAILED", ProviderUnavailableException.class),
        Arguments.of(500, "GET_RESULT_FAILED", ProviderUnavailableException.class),
        // Reason first: the same reasons under statuses that would map differently by status.
        Arguments.of(403, "BILLING_BALANCE_NOT_ENOUGH", InsufficientCreditsException.class),
        Arguments.of(400, "RATE_LIMIT_EXCEEDED", RateLimitedException.class),
        // An unknown reason falls back to the HTTP status.
        Arguments.of(503, "SOMETHING_NEW", ProviderUnavailableException.class),
        Arguments.of(404, "SOMETHING_NEW", TaskNotFoundException.class));
  }

  @ParameterizedTest(name = "HTTP {0} reason {1} -> {2}")
  @MethodSource("table")
  @DisplayName("each documented reason maps to its exception, keeping HTTP status and reason")
  void mapping(int status, String reason, Class<? extends VideoApiException> expected) {
    VideoApiException e = map(status, envelope(status, reason, "details here"));
    assertThat(e).isExactlyInstanceOf(expected);
    assertThat(e.httpStatus()).contains(status);
    assertThat(e.providerCode()).contains(reason);
    assertThat(e.providerId()).contains("highway");
    assertThat(e.getMessage()).contains("details here");
  }

  @Test
  @DisplayName(
      "without an envelope the HTTP status decides: 403 auth, 429 rate limit, 502 unavailable")
  void noEnvelope() {
    assertThat(map(403, "{}")).isInstanceOf(AuthenticationException.class);
    assertThat(map(429, "<html>slow down</html>")).isInstanceOf(RateLimitedException.class);
    assertThat(map(502, "")).isInstanceOf(ProviderUnavailableException.class);
    assertThat(map(400, "{\"reason\":\"\",\"message\":\"m\"}"))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  @DisplayName("RATE_LIMIT_EXCEEDED carries Retry-After")
  void retryAfter() {
    VideoApiException e =
        V3AsyncErrors.fromHttpException(
            "highway",
            http(429, envelope(429, "RATE_LIMIT_EXCEEDED", "slow"), Headers.of("Retry-After", "7")),
            ApiKey.of(KEY));
    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  @DisplayName("a key echoed in reason or message never reaches the exception")
  void scrubbed() {
    VideoApiException e = map(403, envelope(403, "INVALID_API_KEY", "key " + KEY + " is invalid"));
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
    VideoApiException odd = map(400, envelope(400, KEY, KEY));
    assertThat(odd.getMessage()).doesNotContain(KEY);
    assertThat(odd.providerCode().get()).doesNotContain(KEY);
  }

  @Test
  @DisplayName(
      "end to end: a BILLING_BALANCE_NOT_ENOUGH 400 on submit fails with"
          + " InsufficientCreditsException, sent once")
  void balanceOnSubmit() {
    sim = V3AsyncSimulator.highway(KEY).start();
    sim.faults()
        .on("submit")
        .always(
            Fault.status(400, envelope(400, "BILLING_BALANCE_NOT_ENOUGH", "balance not enough")));
    VideoClient client = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    Throwable e =
        errorOf(
            client.submit(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .prompt("a cat")
                    .build()));
    assertThat(e).isInstanceOf(InsufficientCreditsException.class);
    assertThat(e.getMessage()).contains("balance not enough");
    assertThat(sim.requests("submit")).hasSize(1);
  }

  static Throwable errorOf(Single<?> single) {
    try {
      single.blockingGet();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  @DisplayName(
      "end to end: the simulator's validation error, a .gif image, and an unknown task id map as"
          + " documented")
  void simulatorErrors() {
    sim = V3AsyncSimulator.myrouter(KEY).start();
    VideoClient client = V3Async.myrouter().baseUrl(sim.baseUrl()).apiKey(KEY).build();
    Throwable gif =
        errorOf(
            client.submit(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/cat.gif"))
                    .prompt("a cat")
                    .build()));
    assertThat(gif).isInstanceOf(InvalidRequestException.class);
    assertThat(((VideoApiException) gif).providerCode()).contains("INVALID_IMAGE_FORMAT");

    TaskHandle unknown = TaskHandle.of("myrouter", "pixverse-v4.5-i2v", "no-such-task");
    Throwable notFound = errorOf(client.status(unknown));
    assertThat(notFound).isInstanceOf(TaskNotFoundException.class);
    assertThat(((VideoApiException) notFound).handle()).contains(unknown);
    assertThat(sim.requests("status")).hasSize(1);
  }
}
