package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RecordingTest extends SimulatorTestBase {

  @Test
  @DisplayName("a request is recorded with method, path, query, headers and body")
  void recordsEverything() throws Exception {
    http.post(
        sim.baseUrl() + "/jobs?mode=fast&tag=a%20b&tag=c&flag",
        "{\"prompt\":\"héllo\"}",
        "Authorization",
        "Bearer " + KEY,
        "X-Custom-Header",
        "one",
        "Content-Type",
        "application/json");

    RecordedRequest r = sim.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v1/jobs");
    assertThat(r.query()).isEqualTo("mode=fast&tag=a%20b&tag=c&flag");
    assertThat(r.target()).isEqualTo("/v1/jobs?mode=fast&tag=a%20b&tag=c&flag");
    assertThat(r.queryParameter("mode")).isEqualTo("fast");
    assertThat(r.queryParameter("tag")).isEqualTo("a b");
    assertThat(r.queryParameters().get("tag")).containsExactly("a b", "c");
    assertThat(r.queryParameter("flag")).isEmpty();
    assertThat(r.queryParameter("missing")).isNull();
    assertThat(r.header("x-custom-header")).isEqualTo("one");
    assertThat(r.header("X-CUSTOM-HEADER")).isEqualTo("one");
    assertThat(r.headers().get("content-type")).containsExactly("application/json");
    assertThat(r.headerValues("absent")).isEmpty();
    assertThat(r.bodyUtf8()).isEqualTo("{\"prompt\":\"héllo\"}");
    assertThat(r.body()).isEqualTo("{\"prompt\":\"héllo\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.bodyLength()).isEqualTo(r.body().length);
    assertThat(r.bodyTruncated()).isFalse();
    assertThat(r.endpointName()).isEqualTo("submit");
    assertThat(r.callNumber()).isEqualTo(1);
    assertThat(r.sequence()).isEqualTo(1);
    assertThat(r.receivedAt()).isNotNull();
    assertThat(r.credentialsSent()).isTrue();
    assertThat(r.fault()).isNull();
  }

  @Test
  @DisplayName("a recorded request is immutable and its toString shows no header values")
  void immutableAndRedacted() throws Exception {
    submit();
    RecordedRequest r = sim.requests().get(0);
    r.body()[0] = 'X';
    assertThat(r.bodyUtf8()).startsWith("{");
    assertThat(r.toString()).contains("POST /v1/jobs", "submit").doesNotContain(KEY);
    List<RecordedRequest> snapshot = sim.requests();
    submit();
    assertThat(snapshot).hasSize(1);
  }

  @Test
  @DisplayName("requests are counted per endpoint, numbered in order, and can be cleared")
  void countsAndClear() throws Exception {
    String id = submit();
    status(id);
    status(id);
    http.get(sim.baseUrl() + "/nowhere");

    assertThat(sim.requestCount("submit")).isEqualTo(1);
    assertThat(sim.requestCount("status")).isEqualTo(2);
    assertThat(sim.requestCount("cancel")).isZero();
    assertThat(sim.requests("status"))
        .extracting(RecordedRequest::callNumber)
        .containsExactly(1, 2);
    assertThat(sim.requests())
        .extracting(RecordedRequest::sequence)
        .containsExactly(1L, 2L, 3L, 4L);

    sim.clearRequests();
    assertThat(sim.requests()).isEmpty();
    status(id);
    assertThat(sim.requests("status"))
        .singleElement()
        .satisfies(r -> assertThat(r.callNumber()).isEqualTo(3));
  }

  @Test
  @DisplayName(
      "credentialsSent reports credential headers and the API key anywhere in headers or query")
  void credentialDetection() throws Exception {
    http.get(sim.videoUrl("a"));
    http.get(sim.videoUrl("b"), "API-KEY", "whatever");
    http.get(sim.videoUrl("c"), "X-Trace", "key=" + KEY);
    http.get(sim.videoUrl("d") + "?token=" + KEY);
    http.get(sim.videoUrl("e"), "Authorization", "Basic Zm9vOmJhcg==");

    assertThat(sim.requests("media"))
        .extracting(RecordedRequest::credentialsSent)
        .containsExactly(false, true, true, true, true);
  }

  @Test
  @DisplayName("a body over the recording cap keeps its first bytes and its full length")
  void largeBodyIsCapped() throws Exception {
    int size = ProviderSimulator.MAX_RECORDED_BODY_BYTES + 1000;
    byte[] big = new byte[size];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<byte[]> response =
        http.client.send(
            Http.request(sim.baseUrl() + "/jobs", auth())
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(400);
    RecordedRequest r = sim.requests().get(0);
    assertThat(r.bodyLength()).isEqualTo(size);
    assertThat(r.body()).hasSize(ProviderSimulator.MAX_RECORDED_BODY_BYTES);
    assertThat(r.bodyTruncated()).isTrue();
  }
}
