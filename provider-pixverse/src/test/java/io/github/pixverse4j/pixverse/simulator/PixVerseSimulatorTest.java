package io.github.pixverse4j.pixverse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.simulator.Http;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.simulator.SimulatorFactoryChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The PixVerse simulator speaks the protocol of the docs, independent of any client. */
class PixVerseSimulatorTest {
  private static final String KEY = "pv-sim-key-1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };
  private static final String BOUNDARY = "b0undary-xyz";

  private PixVerseSimulator sim;
  private final Http http = new Http();

  @BeforeEach
  void start() {
    sim = new PixVerseSimulator(KEY).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private String url(String path) {
    return sim.baseUrl() + path;
  }

  private static String[] headers(String... extra) {
    String[] base = {"API-KEY", KEY, "Ai-trace-id", UUID.randomUUID().toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  private static byte[] multipart(String name, String fileName, String contentType, byte[] content)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private JsonNode upload(byte[] body, String... headers) throws Exception {
    HttpResponse<byte[]> r =
        http.client.send(
            Http.request(url("/openapi/v2/image/upload"), headers)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = MAPPER.readTree(r.body());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("_http", r.statusCode());
    return json;
  }

  private long uploadPng() throws Exception {
    JsonNode r = upload(multipart("image", "a.png", "image/png", PNG), headers());
    assertThat(r.get("ErrCode").asInt()).as(r.toString()).isZero();
    return r.get("Resp").get("img_id").asLong();
  }

  private JsonNode generate(String json, String... headers) throws Exception {
    HttpResponse<byte[]> r =
        http.post(
            url("/openapi/v2/video/img/generate"),
            json,
            concat(headers, "Content-Type", "application/json"));
    assertThat(r.statusCode()).isEqualTo(200);
    return MAPPER.readTree(r.body());
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private JsonNode result(String videoId) throws Exception {
    HttpResponse<byte[]> r = http.get(url("/openapi/v2/video/result/" + videoId), headers());
    assertThat(r.statusCode()).isEqualTo(200);
    return MAPPER.readTree(r.body());
  }

  private String body(long imgId, String extra) {
    return "{\"img_id\":"
        + imgId
        + ",\"prompt\":\"a cat\",\"model\":\"v4.5\",\"duration\":5,\"quality\":\"540p\""
        + extra
        + "}";
  }

  @Test
  @DisplayName(
      "registered through ServiceLoader from this module's jar, with a consistent description; a"
          + " cancelled job is not told from a failed one")
  void registered() throws Exception {
    SimulatorFactoryChecks.assertRegistered("pixverse", PixVerseSimulator.class, KEY);
    assertThat(
            SimulatorFactory.find("pixverse", getClass().getClassLoader())
                .get()
                .reportsCancellation())
        .isFalse();
  }

  @Test
  @DisplayName(
      "a missing or wrong API-KEY is HTTP 200 with ErrCode 400012; a missing Ai-trace-id is ErrCode"
          + " 400011")
  void headerChecks() throws Exception {
    HttpResponse<byte[]> noKey = http.get(url("/openapi/v2/video/result/1"), "Ai-trace-id", "t-1");
    assertThat(noKey.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(noKey.body()).get("ErrCode").asInt()).isEqualTo(400012);
    HttpResponse<byte[]> wrongKey =
        http.get(url("/openapi/v2/video/result/1"), "API-KEY", "nope", "Ai-trace-id", "t-2");
    assertThat(MAPPER.readTree(wrongKey.body()).get("ErrCode").asInt()).isEqualTo(400012);
    HttpResponse<byte[]> noTrace = http.get(url("/openapi/v2/video/result/1"), "API-KEY", KEY);
    assertThat(MAPPER.readTree(noTrace.body()).get("ErrCode").asInt()).isEqualTo(400011);
    assertThat(MAPPER.readTree(noTrace.body()).has("Resp")).isTrue();
    assertThat(sim.requests())
        .extracting(RecordedRequest::credentialsSent)
        .containsExactly(false, true, true);
  }

  @Test
  @DisplayName(
      "upload: a file part gets a numeric img_id; a URL field too; neither is 400011; a non-image"
          + " is 400017")
  void upload() throws Exception {
    long first = uploadPng();
    JsonNode byUrl =
        upload(
            multipart("image_url", null, null, "https://example.com/x.jpg".getBytes()), headers());
    assertThat(byUrl.get("ErrCode").asInt()).isZero();
    long second = byUrl.get("Resp").get("img_id").asLong();
    assertThat(second).isGreaterThan(first);
    assertThat(byUrl.get("Resp").get("img_url").asText()).isEqualTo("https://example.com/x.jpg");
    assertThat(sim.uploadedImage(first).bytes()).isEqualTo(PNG);
    assertThat(sim.uploadedImage(first).contentType()).isEqualTo("image/png");
    assertThat(sim.uploadedImage(first).fileName()).isEqualTo("a.png");

    assertThat(
            upload(multipart("other", null, null, "x".getBytes()), headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400011);
    assertThat(
            upload(multipart("image", "a.gif", "image/gif", "GIF89a....".getBytes()), headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400017);
    assertThat(
            upload(multipart("image_url", null, null, "ftp://x/y".getBytes()), headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400017);
    assertThat(upload("not multipart".getBytes(), headers()).get("ErrCode").asInt())
        .isEqualTo(400017);
  }

  @Test
  @DisplayName("upload moderation: HTTP 500 with the lower-case body, once")
  void moderation() throws Exception {
    sim.moderateNextUpload();
    JsonNode refused = upload(multipart("image", "a.png", "image/png", PNG), headers());
    assertThat(refused.get("_http").asInt()).isEqualTo(500);
    assertThat(refused.get("err_code").asInt()).isEqualTo(500052);
    assertThat(refused.has("err_msg")).isTrue();
    assertThat(refused.has("ErrCode")).isFalse();
    uploadPng();
  }

  @Test
  @DisplayName("generate validates as the API reference says, with ErrCode errors on HTTP 200")
  void generateValidation() throws Exception {
    long img = uploadPng();
    assertThat(generate(body(img, ""), headers()).get("ErrCode").asInt()).isZero();
    assertThat(
            generate(
                    "{\"img_id\":"
                        + img
                        + ",\"model\":\"v4.5\",\"duration\":5,\"quality\":\"540p\"}",
                    headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400011);
    assertThat(generate(body(img + 1000, ""), headers()).get("ErrCode").asInt()).isEqualTo(400017);
    assertThat(
            generate(
                    body(img, "")
                        .replace("\"duration\":5", "\"duration\":8")
                        .replace("540p", "1080p"),
                    headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400017);
    assertThat(
            generate(
                    body(img, ",\"motion_mode\":\"fast\"")
                        .replace("\"duration\":5", "\"duration\":8"),
                    headers())
                .get("ErrCode")
                .asInt())
        .isEqualTo(400017);
    assertThat(generate(body(img, ",\"style\":\"oil\""), headers()).get("ErrCode").asInt())
        .isEqualTo(400017);
    assertThat(generate(body(img, ",\"seed\":2147483648"), headers()).get("ErrCode").asInt())
        .isEqualTo(400017);
    assertThat(generate(body(img, "").replace("v4.5", "v9"), headers()).get("ErrCode").asInt())
        .isEqualTo(400017);
    assertThat(generate("[1]", headers()).get("ErrCode").asInt()).isEqualTo(400017);
    assertThat(sim.jobCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "results: status 5 while queued or running, then 1 with url, size and seed; 7, 8 and 6 for"
          + " the failures")
  void results() throws Exception {
    long img = uploadPng();
    sim.nextJobs(
        Lifecycle.builder().queued(1).running(50).succeeded(),
        Lifecycle.builder().moderated("nsfw"),
        Lifecycle.builder().failed("boom"),
        Lifecycle.builder().expired());
    String ok = generate(body(img, ",\"seed\":7"), headers()).get("Resp").get("video_id").asText();
    assertThat(result(ok).get("Resp").get("status").asInt()).isEqualTo(5);
    assertThat(result(ok).get("Resp").get("status").asInt()).isEqualTo(5);
    JsonNode done = result(ok).get("Resp");
    assertThat(done.get("status").asInt()).isEqualTo(1);
    assertThat(done.get("url").asText()).isEqualTo(sim.videoUrl(ok));
    assertThat(done.get("outputWidth").asInt()).isEqualTo(64);
    assertThat(done.get("size").asLong()).isEqualTo(sim.mediaBytes().length);
    assertThat(done.get("seed").asLong()).isEqualTo(7);
    assertThat(done.get("id").asText()).isEqualTo(ok);
    for (int expected : new int[] {7, 8, 6}) {
      String id = generate(body(img, ""), headers()).get("Resp").get("video_id").asText();
      assertThat(result(id).get("Resp").get("status").asInt()).isEqualTo(expected);
    }
    assertThat(result("999").get("ErrCode").asInt()).isEqualTo(400017);
  }

  @Test
  @DisplayName("video ids are numbers, or strings on request")
  void videoIdForm() throws Exception {
    long img = uploadPng();
    assertThat(generate(body(img, ""), headers()).get("Resp").get("video_id").isIntegralNumber())
        .isTrue();
    sim.videoIdsAsStrings(true);
    assertThat(generate(body(img, ""), headers()).get("Resp").get("video_id").isTextual()).isTrue();
  }

  @Test
  @DisplayName("video ids are 12-digit numbers from 300000000001, offset by firstJobNumber")
  void videoIdNumbering() throws Exception {
    long img = uploadPng();
    assertThat(generate(body(img, ""), headers()).get("Resp").get("video_id").asLong())
        .isEqualTo(300_000_000_001L);
    PixVerseSimulator other = new PixVerseSimulator(KEY);
    other.firstJobNumber(ProviderSimulator.MAX_FIRST_JOB_NUMBER);
    other.start();
    PixVerseSimulator first = sim;
    sim = other;
    try {
      long otherImg = uploadPng();
      assertThat(generate(body(otherImg, ""), headers()).get("Resp").get("video_id").asText())
          .isEqualTo("390000000000")
          .hasSize(12);
    } finally {
      sim = first;
      other.close();
    }
  }
}
