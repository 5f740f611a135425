package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaultTest extends SimulatorTestBase {

  private List<Integer> statusCodes(String id, int calls) throws Exception {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      codes.add(http.get(sim.baseUrl() + "/jobs/" + id, auth()).statusCode());
    }
    return codes;
  }

  @Test
  @DisplayName("a status fault on one call number answers that call only, with its headers")
  void statusFaultOnOneCall() throws Exception {
    String id = submit();
    sim.faults()
        .on("status")
        .call(2)
        .respond(Fault.status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "3"));

    HttpResponse<byte[]> first = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    HttpResponse<byte[]> second = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    HttpResponse<byte[]> third = http.get(sim.baseUrl() + "/jobs/" + id, auth());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(second.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(Http.utf8(second)).isEqualTo("{\"error\":\"slow down\"}");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(sim.requests("status"))
        .extracting(r -> r.fault() == null ? null : r.fault().toString())
        .containsExactly(null, "status(429) +Retry-After: 3", null);
    assertThat(sim.job(id).reads()).as("the faulted read never reached the job").isEqualTo(2);
  }

  @Test
  @DisplayName("a plain-text status fault, and withContentType, set the content type")
  void statusFaultContentType() throws Exception {
    sim.faults()
        .on("health")
        .call(1)
        .respond(
            Fault.status(503, "busy"), Fault.status(502, "<html/>").withContentType("text/html"));
    HttpResponse<byte[]> first = http.get(sim.baseUrl() + "/health");
    HttpResponse<byte[]> second = http.get(sim.baseUrl() + "/health");
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(second.statusCode()).isEqualTo(502);
    assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html");
  }

  @Test
  @DisplayName("respond(..) with several faults scripts consecutive calls")
  void consecutiveCalls() throws Exception {
    String id = submit();
    sim.faults().on("status").call(2).respond(Fault.status(500, "a"), Fault.status(502, "b"));
    assertThat(statusCodes(id, 4)).containsExactly(200, 500, 502, 200);
  }

  @Test
  @DisplayName("always applies to every call; a per-call fault, even none(), wins over it")
  void alwaysAndOverride() throws Exception {
    String id = submit();
    sim.faults().on("status").always(Fault.status(503, "down")).call(2).respond(Fault.none());
    assertThat(statusCodes(id, 3)).containsExactly(503, 200, 503);
    sim.faults().on("status").clear();
    assertThat(statusCodes(id, 1)).containsExactly(200);
  }

  @Test
  @DisplayName("next(n) counts from the calls already made")
  void nextCalls() throws Exception {
    String id = submit();
    assertThat(statusCodes(id, 1)).containsExactly(200);
    sim.faults().on("status").next(2, Fault.status(503, "busy"));
    assertThat(statusCodes(id, 3)).containsExactly(503, 503, 200);
    assertThat(sim.faults().callCount("status")).isEqualTo(4);
  }

  @Test
  @DisplayName("faults().clear() removes faults and restarts call numbers")
  void clearRestartsNumbers() throws Exception {
    String id = submit();
    statusCodes(id, 2);
    sim.faults().on("status").always(Fault.status(500, "x"));
    sim.faults().clear();
    sim.faults().on("status").call(1).respond(Fault.status(418, "teapot"));
    assertThat(statusCodes(id, 2)).containsExactly(418, 200);
  }

  @Test
  @DisplayName("a status fault on submit answers instead of the endpoint: no job is created")
  void statusFaultSkipsHandler() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.status(503, "{\"error\":\"overloaded\"}"));
    assertThat(postSubmit("{}").statusCode()).isEqualTo(503);
    assertThat(sim.jobCount()).isZero();
    assertThat(sim.submitCount()).isZero();
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("afterHandling() creates the job and still answers with the fault")
  void afterHandlingCreatesTheJob() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.status(500, "oops").afterHandling());
    assertThat(postSubmit("{}").statusCode()).isEqualTo(500);
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThatThrownBy(() -> Fault.dropAfterRead().afterHandling())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Fault.dropBeforeRead().afterHandling())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("a delay answers normally after waiting, the request being recorded first")
  void delay() throws Exception {
    sim.faults().on("health").call(1).respond(Fault.delay(Duration.ofMillis(150)));
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/health");
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.utf8(response)).isEqualTo("ok");
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
  }

  @Test
  @DisplayName("withDelay waits before any fault, even a dropped connection")
  void delayBeforeDrop() throws Exception {
    // A POST: java.net.http resends a GET whose connection closed before any response byte.
    sim.faults()
        .on("submit")
        .call(1)
        .respond(Fault.dropBeforeRead().withDelay(Duration.ofMillis(150)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> postSubmit("{}")).isInstanceOf(IOException.class);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("dropBeforeRead: the client gets an IOException, the body is never read, no job")
  void dropBeforeRead() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.dropBeforeRead());
    assertThatThrownBy(() -> postSubmit("{\"prompt\":\"x\"}")).isInstanceOf(IOException.class);
    assertThat(sim.jobCount()).isZero();
    assertThat(sim.requests("submit"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.bodyLength()).isEqualTo(-1);
              assertThat(r.fault()).hasToString("dropBeforeRead()");
            });
    assertThat(postSubmit("{}").statusCode()).as("the next call is normal").isEqualTo(201);
  }

  @Test
  @DisplayName("dropAfterRead: the client gets an IOException but the job was created")
  void dropAfterRead() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.dropAfterRead());
    assertThatThrownBy(() -> postSubmit("{\"prompt\":\"x\"}")).isInstanceOf(IOException.class);
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThat(sim.submitCount()).isEqualTo(1);
    assertThat(sim.requests("submit"))
        .singleElement()
        .satisfies(r -> assertThat(r.bodyUtf8()).isEqualTo("{\"prompt\":\"x\"}"));
  }

  @Test
  @DisplayName("a dropped connection sends not a single byte back")
  void dropSendsNothing() throws Exception {
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.dropAfterRead(), Fault.dropBeforeRead());
    Http.RawResponse afterRead = Http.raw(sim.port(), "GET", "/v1/jobs/" + id, auth());
    Http.RawResponse beforeRead = Http.raw(sim.port(), "GET", "/v1/jobs/" + id, auth());
    assertThat(afterRead.bytes).isEmpty();
    assertThat(beforeRead.bytes).isEmpty();
  }

  @Test
  @DisplayName("truncatedBody: status and headers arrive, the body stops short, the client fails")
  void truncatedBody() throws Exception {
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.truncatedBody(), Fault.truncatedBody());

    Http.RawResponse raw = Http.raw(sim.port(), "GET", "/v1/jobs/" + id, auth());
    assertThat(raw.head()).startsWith("HTTP/1.1 200");
    assertThat(raw.bodyLength()).isEqualTo(raw.declaredContentLength() / 2);
    assertThat(raw.declaredContentLength()).isGreaterThan(10);

    assertThatThrownBy(() -> http.get(sim.baseUrl() + "/jobs/" + id, auth()))
        .isInstanceOf(IOException.class);
    assertThat(sim.job(id).reads()).as("the handler ran").isEqualTo(2);
  }

  @Test
  @DisplayName("malformedJson: 200 with a JSON content type and a body no parser accepts")
  void malformedJson() throws Exception {
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.malformedJson());
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThatThrownBy(() -> MAPPER.readTree(response.body()))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  @DisplayName("wrongContentType: 200 with an HTML page")
  void wrongContentType() throws Exception {
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.wrongContentType());
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(Http.utf8(response)).startsWith("<!DOCTYPE html>");
  }

  @Test
  @DisplayName("emptyBody: the status with a JSON content type and zero bytes")
  void emptyBody() throws Exception {
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.emptyBody(200));
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
  }

  @Test
  @DisplayName("hugeBody: exactly the requested size, declared up front, a valid JSON document")
  void hugeBody() throws Exception {
    long size = 5_000_003;
    String id = submit();
    sim.faults().on("status").call(1).respond(Fault.hugeBody(size), Fault.hugeChunkedBody(size));

    HttpResponse<InputStream> fixed = http.getStream(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(fixed.statusCode()).isEqualTo(200);
    assertThat(fixed.headers().firstValue("Content-Length")).hasValue(Long.toString(size));
    assertThat(fixed.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    byte[] all = fixed.body().readAllBytes();
    assertThat(all).hasSize((int) size);
    assertThat(MAPPER.readTree(all).get("data").asText()).hasSize((int) size - 11);

    HttpResponse<InputStream> chunked = http.getStream(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(chunked.headers().firstValue("Content-Length")).isEmpty();
    assertThat(chunked.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    try (InputStream in = chunked.body()) {
      assertThat(in.transferTo(java.io.OutputStream.nullOutputStream())).isEqualTo(size);
    }
  }

  @Test
  @DisplayName("dropMidBody on media: full Content-Length, then exactly that many bytes, then EOF")
  void dropMidBody() throws Exception {
    sim.faults().on("media").call(1).respond(Fault.dropMidBody(1000), Fault.dropMidBody(1000));
    String path = sim.videoUrl("job-1").substring(("http://127.0.0.1:" + sim.port()).length());

    Http.RawResponse raw = Http.raw(sim.port(), "GET", path);
    assertThat(raw.head()).startsWith("HTTP/1.1 200");
    assertThat(raw.declaredContentLength()).isEqualTo(sim.mediaBytes().length);
    assertThat(raw.bodyLength()).isEqualTo(1000);

    assertThatThrownBy(() -> http.get(sim.videoUrl("job-1"))).isInstanceOf(IOException.class);
    assertThat(http.get(sim.videoUrl("job-1")).body()).isEqualTo(sim.mediaBytes());
  }

  @Test
  @DisplayName("dropMidBody on a large synthetic body stops after the given byte count")
  void dropMidLargeBody() throws Exception {
    sim.faults().on("media").call(1).respond(Fault.dropMidBody(100_000));
    String url = sim.largeMediaUrl(10_000_000);
    Http.RawResponse raw = Http.raw(sim.port(), "GET", url.substring(url.indexOf("/media/")));
    assertThat(raw.declaredContentLength()).isEqualTo(10_000_000);
    assertThat(raw.bodyLength()).isEqualTo(100_000);
  }

  @Test
  @DisplayName(
      "issue 25's media faults: a 206 for other bytes, a complete half body, an untyped page, a"
          + " trickle")
  void integrityFaults() throws Exception {
    byte[] media = sim.mediaBytes();
    sim.faults()
        .on("media")
        .call(1)
        .respond(
            Fault.wrongContentRange(1000),
            Fault.shortCompleteBody(),
            Fault.untypedHtml(),
            Fault.trickle(Duration.ofMillis(1)));
    HttpResponse<byte[]> range = http.get(sim.videoUrl("job-1"), "Range", "bytes=5000-");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range"))
        .hasValue("bytes 1000-" + (media.length - 1) + "/" + media.length);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(media, 1000, media.length));

    HttpResponse<byte[]> half = http.get(sim.videoUrl("job-1"));
    assertThat(half.statusCode()).isEqualTo(200);
    assertThat(half.body()).isEqualTo(java.util.Arrays.copyOf(media, media.length / 2));

    HttpResponse<byte[]> page = http.get(sim.videoUrl("job-1"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).isEmpty();
    assertThat(Http.utf8(page)).startsWith("<!DOCTYPE html>");

    sim.faults().clear();
    sim.faults().on("health").call(1).respond(Fault.trickle(Duration.ofMillis(20)));
    long start = System.nanoTime();
    HttpResponse<byte[]> slow = http.get(sim.baseUrl() + "/health");
    assertThat(slow.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("one byte per 20 ms")
        .isGreaterThanOrEqualTo(Duration.ofMillis(20L * (slow.body().length - 1)));
    assertThat(sim.requests("media"))
        .extracting(r -> String.valueOf(r.fault()))
        .containsExactly("wrongContentRange(1000)", "shortCompleteBody()", "status(200)");
  }

  @Test
  @DisplayName(
      "noContent answers 204 without a body or content type; with afterHandling the submit made its"
          + " job")
  void noContent() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.noContent(), Fault.noContent().afterHandling());
    HttpResponse<byte[]> plain = postSubmit("{\"prompt\":\"a cat\"}");
    assertThat(plain.statusCode()).isEqualTo(204);
    assertThat(plain.body()).isEmpty();
    assertThat(plain.headers().firstValue("Content-Type")).isEmpty();
    assertThat(sim.jobCount()).isZero();

    HttpResponse<byte[]> handled = postSubmit("{\"prompt\":\"a cat\"}");
    assertThat(handled.statusCode()).isEqualTo(204);
    assertThat(handled.body()).isEmpty();
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThat(sim.requests("submit"))
        .extracting(r -> String.valueOf(r.fault()))
        .containsExactly("noContent()", "noContent() afterHandling");
  }

  @Test
  @DisplayName(
      "hostileTaskId: the submit's job takes that id and the answer carries it; the next submit is"
          + " normal")
  void hostileTaskId() throws Exception {
    sim.faults().on("submit").call(1).respond(Fault.hostileTaskId("../a/b"));
    HttpResponse<byte[]> hostile = postSubmit("{\"prompt\":\"a cat\"}");
    assertThat(hostile.statusCode()).isEqualTo(201);
    assertThat(json(hostile).get("id").asText()).isEqualTo("../a/b");
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThat(submit()).isEqualTo("job-2");
    assertThat(sim.requests("submit"))
        .extracting(r -> String.valueOf(r.fault()))
        .containsExactly("hostileTaskId(../a/b)", "null");
  }

  @Test
  @DisplayName("faults are checked for misuse")
  void argumentChecks() {
    assertThatThrownBy(() -> Fault.status(42, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.status(500, null)).hasMessage("body == null");
    assertThatThrownBy(() -> Fault.hugeBody(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.hostileTaskId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.faults().on("x").call(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.truncatedBody().withContentType("text/html"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Fault.delay(Duration.ofMillis(5)).withHeader("A", "b"))
        .hasToString("delay after 5ms +A: b");
  }
}
