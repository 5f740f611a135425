package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoutingAndAuthTest extends SimulatorTestBase {

  @Test
  @DisplayName("baseUrl is loopback, a real port and the base path, without a trailing slash")
  void baseUrl() {
    assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port() + "/v1");
    assertThat(sim.port()).isPositive();
    assertThat(sim.providerId()).isEqualTo("echo");
    assertThat(sim.apiKey()).isEqualTo(KEY);
  }

  @Test
  @DisplayName("a simulator that is not started has no URL and cannot start twice")
  void lifecycleOfTheServer() {
    EchoSimulator fresh = new EchoSimulator(KEY);
    assertThatThrownBy(fresh::baseUrl)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not started");
    assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new EchoSimulator(null)).hasMessage("apiKey == null");
  }

  @Test
  @DisplayName("requests reach the handler of the route matching method and path, with path params")
  void routesByMethodAndPath() throws Exception {
    String id = submit();
    assertThat(id).isEqualTo("job-1");
    assertThat(status(id).get("id").asText()).isEqualTo("job-1");
    assertThat(sim.requests())
        .extracting(RecordedRequest::endpointName)
        .containsExactly("submit", "status");
  }

  @Test
  @DisplayName(
      "firstJobNumber moves the job numbering, once and before the first job, within its range")
  void firstJobNumber() throws Exception {
    EchoSimulator other = new EchoSimulator(KEY);
    assertThatThrownBy(() -> other.firstJobNumber(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> other.firstJobNumber(ProviderSimulator.MAX_FIRST_JOB_NUMBER + 1))
        .isInstanceOf(IllegalArgumentException.class);
    sim.firstJobNumber(4_000_000_123L);
    assertThat(submit()).isEqualTo("job-4000000123");
    assertThat(submit()).isEqualTo("job-4000000124");
    assertThatThrownBy(() -> sim.firstJobNumber(7)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("an unknown path, or a route path without the base path, answers 404 JSON")
  void unknownPath() throws Exception {
    HttpResponse<byte[]> unknown = http.get(sim.baseUrl() + "/nope", auth());
    HttpResponse<byte[]> outsideBase =
        http.post("http://127.0.0.1:" + sim.port() + "/jobs", "{}", auth());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.utf8(unknown)).isEqualTo("{\"error\":\"not found\"}");
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(outsideBase.statusCode()).isEqualTo(404);
    assertThat(sim.requests()).extracting(RecordedRequest::endpointName).containsOnlyNulls();
    assertThat(sim.jobCount()).isZero();
  }

  @Test
  @DisplayName(
      "a path that repeats the base path (a client given baseUrl() that writes it again) answers"
          + " 404 and is recorded as a failure explaining baseUrl()")
  void repeatedBasePath() throws Exception {
    HttpResponse<byte[]> doubled = http.post(sim.baseUrl() + "/v1/jobs", "{}", auth());
    assertThat(doubled.statusCode()).isEqualTo(404);
    assertThat(sim.jobCount()).isZero();
    assertThat(sim.handlerFailures())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("POST /v1/v1/jobs: the base path /v1 appears twice")
                    .hasMessageContaining("baseUrl() already ends with basePath()"));
    HttpResponse<byte[]> once = http.get(sim.baseUrl() + "/nope", auth());
    assertThat(once.statusCode()).isEqualTo(404);
    assertThat(sim.handlerFailures()).as("a plain unknown path is no failure").hasSize(1);
  }

  @Test
  @DisplayName("a known path with the wrong method answers 405 with Allow")
  void wrongMethod() throws Exception {
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/jobs", auth());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(sim.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.endpointName()).isNull());
  }

  @Test
  @DisplayName("a handler that throws answers 500 with a short body and no stack trace")
  void handlerException() throws Exception {
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/boom", auth());
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.utf8(response))
        .isEqualTo("simulator handler failed: IllegalStateException")
        .doesNotContain("secret", "at io.");
    assertThat(sim.handlerFailures())
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessage("secret internals"));
  }

  @Test
  @DisplayName("a missing or wrong API key is rejected by the auth check and creates no job")
  void authCheck() throws Exception {
    HttpResponse<byte[]> none = http.post(sim.baseUrl() + "/jobs", "{}");
    HttpResponse<byte[]> wrong = http.post(sim.baseUrl() + "/jobs", "{}", Http.bearer("sk-wrong"));
    HttpResponse<byte[]> scheme = http.post(sim.baseUrl() + "/jobs", "{}", "Authorization", KEY);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(scheme.statusCode()).isEqualTo(401);
    assertThat(Http.utf8(wrong)).isEqualTo("{\"error\":\"unauthorized\"}");
    assertThat(sim.jobCount()).isZero();
    assertThat(sim.requestCount("submit")).isEqualTo(3);

    assertThat(postSubmit("{}").statusCode()).isEqualTo(201);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName("unauthenticated routes and media skip the auth check")
  void unauthenticatedRoutes() throws Exception {
    assertThat(http.get(sim.baseUrl() + "/health").statusCode()).isEqualTo(200);
    assertThat(http.get(sim.videoUrl("job-1")).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("closing frees the port at once: later connections are refused")
  void closeStopsTheServer() throws Exception {
    String url = sim.baseUrl() + "/health";
    assertThat(http.get(url).statusCode()).isEqualTo(200);
    sim.close();
    sim.close();
    assertThatThrownBy(() -> new Http().get(url)).isInstanceOf(IOException.class);
    assertThatThrownBy(sim::start).isInstanceOf(IllegalStateException.class);
  }
}
