package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MediaAndLoadTest extends SimulatorTestBase {

  @Test
  @DisplayName("a video URL serves the sample MP4: its bytes, video/mp4, an ftyp box at offset 4")
  void servesSampleMp4() throws Exception {
    String url = sim.videoUrl("job 1/ü");
    assertThat(url).startsWith("http://127.0.0.1:" + sim.port() + "/media/").endsWith(".mp4");

    HttpResponse<byte[]> response = http.get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(response.body()).isEqualTo(sim.mediaBytes());
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(sim.mediaBytes().length));
    assertThat(new String(response.body(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    assertThat(sim.mediaBytes().length).isBetween(1000, 20_000);
    assertThat(sim.requests("media"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.credentialsSent()).isFalse();
              assertThat(r.path()).startsWith("/media/");
            });
  }

  @Test
  @DisplayName(
      "with mediaRanges, an open Range gets 206 and the rest; without, the whole video with 200")
  void mediaRanges() throws Exception {
    byte[] all = sim.mediaBytes();
    HttpResponse<byte[]> ignored = http.get(sim.videoUrl("j"), "Range", "bytes=100-");
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.body()).isEqualTo(all);

    sim.mediaRanges(true);
    HttpResponse<byte[]> partial = http.get(sim.videoUrl("j"), "Range", "bytes=100-");
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.headers().firstValue("Content-Range"))
        .hasValue("bytes 100-" + (all.length - 1) + "/" + all.length);
    assertThat(partial.body()).isEqualTo(java.util.Arrays.copyOfRange(all, 100, all.length));
    HttpResponse<byte[]> closed = http.get(sim.videoUrl("j"), "Range", "bytes=0-99");
    assertThat(closed.statusCode()).as("only open ranges are served").isEqualTo(200);
  }

  @Test
  @DisplayName("HEAD on media gives the length without a body")
  void headOnMedia() throws Exception {
    Http.RawResponse raw = Http.raw(sim.port(), "HEAD", "/media/x.mp4");
    assertThat(raw.head()).startsWith("HTTP/1.1 200");
    assertThat(raw.declaredContentLength()).isEqualTo(sim.mediaBytes().length);
    assertThat(raw.bodyLength()).isZero();
  }

  @Test
  @DisplayName("a large media URL streams exactly the requested number of bytes")
  void largeMedia() throws Exception {
    long size = 256L * 1024 * 1024 + 7;
    HttpResponse<InputStream> response = http.getStream(sim.largeMediaUrl(size));
    assertThat(response.headers().firstValue("Content-Length")).hasValue(Long.toString(size));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    boolean patternHolds = true;
    try (InputStream in = response.body()) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        for (int i = 0; i < n; i += total == 0 && i < 24 ? 1 : 4099) {
          patternHolds &= buffer[i] == ProviderSimulator.largeMediaByte(total + i);
        }
        total += n;
      }
    }
    assertThat(total).isEqualTo(size);
    assertThat(patternHolds).as("byte i is largeMediaByte(i)").isTrue();
  }

  @Test
  @DisplayName("200 concurrent requests are all answered and recorded, with exact counts")
  void concurrentRequests() throws Exception {
    List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      HttpRequest request =
          i % 5 < 3
              ? Http.request(sim.baseUrl() + "/jobs", auth())
                  .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                  .build()
              : Http.request(sim.videoUrl("job-" + i)).GET().build();
      futures.add(http.client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
    CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();

    assertThat(futures)
        .extracting(f -> f.join().statusCode())
        .containsOnly(200, 201)
        .filteredOn(code -> code == 201)
        .hasSize(120);
    assertThat(sim.requests()).hasSize(200);
    assertThat(sim.requestCount("submit")).isEqualTo(120);
    assertThat(sim.requestCount("media")).isEqualTo(80);
    assertThat(sim.jobCount()).isEqualTo(120);
    assertThat(sim.submitCount()).isEqualTo(120);
    assertThat(sim.requests())
        .extracting(RecordedRequest::sequence)
        .containsExactlyInAnyOrderElementsOf(range(1, 200));
    assertThat(sim.requests("submit"))
        .extracting(r -> (long) r.callNumber())
        .containsExactlyInAnyOrderElementsOf(range(1, 120));
    assertThat(sim.requests("submit"))
        .extracting(RecordedRequest::bodyUtf8)
        .doesNotHaveDuplicates();
    assertThat(sim.handlerFailures()).isEmpty();
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long v = from; v <= to; v++) {
      values.add(v);
    }
    return values;
  }
}
