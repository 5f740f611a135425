package io.github.pixverse4j.gmi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.http.ApiKey;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import retrofit2.HttpException;
import retrofit2.Response;

class GmiErrorsTest {
  private static final ApiKey KEY = ApiKey.of("gmi-secret-key-98765");

  private static VideoApiException map(
      int status, String body, String contentType, Headers headers) {
    okhttp3.Response raw =
        new okhttp3.Response.Builder()
            .request(
                new Request.Builder()
                    .url("https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey/requests")
                    .build())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("x")
            .headers(headers)
            .build();
    Response<?> response =
        Response.error(ResponseBody.create(MediaType.get(contentType), body), raw);
    return GmiErrors.mapper(KEY).apply(new HttpException(response));
  }

  private static VideoApiException map(int status, String json) {
    return map(status, json, "application/json", Headers.of());
  }

  @ParameterizedTest(name = "HTTP {0} {1} is {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "400|{\"error\":\"invalid payload: duration must be between 1 and"
            + " 15\"}|InvalidRequestException",
        "422|{\"detail\":\"quality must be one of 360p, 540p\"}|InvalidRequestException",
        "400|{\"error\":\"Prompt rejected by content moderation\"}|ContentRejectedException",
        "400|{\"error\":{\"message\":\"x\",\"code\":\"SENSITIVE_CONTENT\"}}|ContentRejectedException",
        "400|{\"message\":\"Insufficient balance, please top up\"}|InsufficientCreditsException",
        "401|{\"error\":\"invalid api key\"}|AuthenticationException",
        "403|{\"error\":\"forbidden\"}|AuthenticationException",
        "403|{\"error\":\"sensitive scope\"}|AuthenticationException",
        "403|{\"error\":{\"message\":\"account locked: insufficient"
            + " balance\",\"code\":\"INSUFFICIENT_BALANCE\"}}|InsufficientCreditsException",
        "402|{\"error\":\"payment required\"}|InsufficientCreditsException",
        "404|{\"error\":\"request not found\"}|TaskNotFoundException",
        "429|{\"error\":\"Rate limit exceeded\"}|RateLimitedException",
        "500|{}|ProviderUnavailableException",
        "503|{\"error\":\"Upstream capacity temporarily exhausted\"}|ProviderUnavailableException"
      })
  @DisplayName("the GMI error table")
  void table(int status, String body, String type) {
    VideoApiException e = map(status, body);
    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
    assertThat(e.httpStatus()).contains(status);
    assertThat(e.providerId()).contains("gmi");
  }

  @Test
  @DisplayName("the provider's message and code reach the exception")
  void messageAndCode() {
    VideoApiException e =
        map(400, "{\"error\":{\"message\":\"image URL unreachable\",\"code\":\"BAD_IMAGE\"}}");
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(e.getMessage()).contains("image URL unreachable");
    assertThat(e.providerCode()).contains("BAD_IMAGE");
  }

  @Test
  @DisplayName(
      "a 503 capacity error stays a 503, which the engine treats as not accepted and retries")
  void capacity503() {
    VideoApiException e =
        map(503, "Upstream capacity temporarily exhausted", "text/plain", Headers.of());
    assertThat(e).isInstanceOf(ProviderUnavailableException.class);
    assertThat(e.httpStatus()).contains(503);
    assertThat(e.getMessage()).contains("Upstream capacity temporarily exhausted");
  }

  @Test
  @DisplayName("Retry-After on 429 and 503 is carried as a RateLimitedException")
  void retryAfter() {
    RateLimitedException r429 =
        (RateLimitedException) map(429, "{}", "application/json", Headers.of("Retry-After", "7"));
    assertThat(r429.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(map(503, "{}", "application/json", Headers.of("Retry-After", "2")))
        .isInstanceOf(RateLimitedException.class);
  }

  @Test
  @DisplayName("an echoed API key never reaches the message or code")
  void keyScrubbed() {
    VideoApiException e =
        map(
            401,
            "{\"error\":{\"message\":\"bad key "
                + KEY.reveal()
                + "\",\"code\":\""
                + KEY.reveal()
                + "\"}}");
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain(KEY.reveal());
    assertThat(e.toString()).doesNotContain(KEY.reveal());
    ContentRejectedException c =
        (ContentRejectedException) map(400, "{\"error\":\"moderation: " + KEY.reveal() + "\"}");
    assertThat(c.getMessage()).doesNotContain(KEY.reveal());
  }

  @Test
  @DisplayName("a non-JSON or empty body still maps by status")
  void notJson() {
    assertThat(map(404, "<html>nope</html>", "text/html", Headers.of()))
        .isInstanceOf(TaskNotFoundException.class);
    assertThat(map(400, "", "application/json", Headers.of()))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(map(402, "\"no money\"", "application/json", Headers.of()))
        .isInstanceOf(InsufficientCreditsException.class)
        .hasMessageContaining("no money");
  }
}
