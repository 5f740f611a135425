package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.TestImages;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes over the wire: paths, headers, the multipart upload and the generate JSON. */
class PixVerseWireTest {
  private static final String KEY = "wire-key-4b1d2c";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private PixVerseSimulator sim;
  private VideoClient client;

  @BeforeEach
  void start() {
    sim = new PixVerseSimulator(KEY).start();
    client = builder().build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private PixVerse.Builder builder() {
    return PixVerse.builder().apiKey(KEY).baseUrl(sim.baseUrl()).pollingPolicy(fastPolicy());
  }

  private static PollingPolicy fastPolicy() {
    return FastPolling.policy();
  }

  private static ImageToVideoRequest.Builder request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/images/cat.png"))
        .prompt("the cat turns its head and smiles");
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  @DisplayName(
      "a full request becomes the documented generate JSON, every field under its exact name")
  void fullGenerateBody() throws Exception {
    TaskHandle h =
        client
            .submit(
                request()
                    .negativePrompt("blurry, text")
                    .durationSeconds(8)
                    .quality(Quality.P720)
                    .seed(2147483647L)
                    .style("3d_animation")
                    .motionMode(MotionMode.NORMAL)
                    .templateId("302325299692608")
                    .model(Model.V4)
                    .build())
            .blockingGet();

    RecordedRequest generate = sim.requests("submit").get(0);
    assertThat(generate.method()).isEqualTo("POST");
    assertThat(generate.path()).isEqualTo("/openapi/v2/video/img/generate");
    assertThat(generate.header("Content-Type")).startsWith("application/json");
    long imgId = sim.uploadedImages().get(0).imgId();
    assertThat(json(generate.bodyUtf8()))
        .isEqualTo(
            json(
                "{"
                    + "\"img_id\":"
                    + imgId
                    + ","
                    + "\"prompt\":\"the cat turns its head and smiles\","
                    + "\"model\":\"v4\","
                    + "\"duration\":8,"
                    + "\"quality\":\"720p\","
                    + "\"negative_prompt\":\"blurry, text\","
                    + "\"motion_mode\":\"normal\","
                    + "\"seed\":2147483647,"
                    + "\"template_id\":302325299692608,"
                    + "\"style\":\"3d_animation\"}"));
    assertThat(h.model()).isEqualTo("v4");
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName(
      "a minimal request sends duration 5 and 540p (required by the API), the default model, and no"
          + " optional field")
  void minimalGenerateBody() throws Exception {
    client.submit(request().build()).blockingGet();
    JsonNode body = json(sim.requests("submit").get(0).bodyUtf8());
    assertThat(body.get("duration").asInt()).isEqualTo(5);
    assertThat(body.get("quality").asText()).isEqualTo("540p");
    assertThat(body.get("model").asText()).isEqualTo("v4.5");
    assertThat(body.get("img_id").isIntegralNumber()).isTrue();
    List<String> names = iterable(body.fieldNames());
    assertThat(names).containsExactly("img_id", "prompt", "model", "duration", "quality");
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  @DisplayName(
      "the builder's model is the default for requests and appears in the handle and capabilities")
  void builderModel() throws Exception {
    VideoClient v4 = builder().model(Model.V4).build();
    TaskHandle h = v4.submit(request().build()).blockingGet();
    assertThat(json(sim.requests("submit").get(0).bodyUtf8()).get("model").asText())
        .isEqualTo("v4");
    assertThat(h.model()).isEqualTo("v4");
    assertThat(v4.capabilities().model()).isEqualTo("v4");
    VideoClient v5 = builder().model(Model.V5).build();
    assertThat(v5.capabilities().models()).contains(Model.V3_5, Model.V4, Model.V4_5, Model.V5);
    assertThat(client.capabilities().models())
        .containsExactlyInAnyOrder(Model.V3_5, Model.V4, Model.V4_5);
  }

  @Test
  @DisplayName(
      "an image URL is uploaded as the multipart form field image_url, without a file part")
  void uploadUrl() {
    client.submit(request().build()).blockingGet();
    RecordedRequest upload = sim.requests("upload").get(0);
    assertThat(upload.method()).isEqualTo("POST");
    assertThat(upload.path()).isEqualTo("/openapi/v2/image/upload");
    assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
    String body = upload.bodyUtf8();
    assertThat(body)
        .contains("Content-Disposition: form-data; name=\"image_url\"\r\n")
        .contains("\r\n\r\nhttps://example.com/images/cat.png\r\n")
        .doesNotContain("name=\"image\"");
    assertThat(sim.uploadedImages())
        .singleElement()
        .satisfies(i -> assertThat(i.url()).isEqualTo("https://example.com/images/cat.png"));
    assertThat(
            sim.requests().stream().map(RecordedRequest::endpointName).collect(Collectors.toList()))
        .containsExactly("upload", "submit");
  }

  @Test
  @DisplayName(
      "a local file is uploaded as the part image with its sniffed type and a neutral file name")
  void uploadFile() throws Exception {
    byte[] png = TestImages.png(64, 48);
    Path file = dir.resolve("my holiday ü.PNG.bin");
    Files.write(file, png);
    client.submit(request().image(ImageInput.file(file)).build()).blockingGet();
    PixVerseSimulator.UploadedImage uploaded = sim.uploadedImages().get(0);
    assertThat(uploaded.bytes()).isEqualTo(png);
    assertThat(uploaded.contentType()).isEqualTo("image/png");
    assertThat(uploaded.fileName()).isEqualTo("image.png");
    assertThat(sim.requests("upload").get(0).bodyUtf8()).doesNotContain("holiday");
    long sentId = json(sim.requests("submit").get(0).bodyUtf8()).get("img_id").asLong();
    assertThat(sentId).isEqualTo(uploaded.imgId());
  }

  @Test
  @DisplayName(
      "in-memory bytes are uploaded with the type their magic bytes say, whatever MIME type was"
          + " given")
  void uploadBytes() {
    byte[] webp = TestImages.webpLossy(320, 240);
    client
        .submit(request().image(ImageInput.bytes(webp, "application/octet-stream")).build())
        .blockingGet();
    PixVerseSimulator.UploadedImage uploaded = sim.uploadedImages().get(0);
    assertThat(uploaded.bytes()).isEqualTo(webp);
    assertThat(uploaded.contentType()).isEqualTo("image/webp");
    assertThat(uploaded.fileName()).isEqualTo("image.webp");
  }

  @Test
  @DisplayName("an img_id from an earlier upload skips the upload and is sent as a number")
  void providerImageId() throws Exception {
    long earlier = sim.addUploadedImage();
    client
        .submit(request().image(ImageInput.providerImageId(Long.toString(earlier))).build())
        .blockingGet();
    assertThat(sim.requestCount("upload")).isZero();
    JsonNode imgId = json(sim.requests("submit").get(0).bodyUtf8()).get("img_id");
    assertThat(imgId.isIntegralNumber()).isTrue();
    assertThat(imgId.asLong()).isEqualTo(earlier);
  }

  @Test
  @DisplayName(
      "every call carries API-KEY and a UUID Ai-trace-id; status reads the result path of the video"
          + " id")
  void headersAndPaths() {
    sim.nextJobs(Lifecycle.builder().runningFor(2).succeeded());
    List<TaskStatus> statuses = client.generate(request().build()).toList().blockingGet();
    assertThat(statuses.get(statuses.size() - 1).state()).isEqualTo(TaskState.SUCCEEDED);
    String videoId = statuses.get(0).handle().taskId();
    for (RecordedRequest r : sim.requests()) {
      if (r.endpointName().equals("media")) continue;
      assertThat(r.header("API-KEY")).as("API-KEY of %s", r).isEqualTo(KEY);
      assertThat(r.header("Authorization")).as("Authorization of %s", r).isNull();
      assertThat(UUID.fromString(r.header("Ai-trace-id")).toString())
          .isEqualTo(r.header("Ai-trace-id"));
    }
    assertThat(sim.requests("status"))
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo("/openapi/v2/video/result/" + videoId);
            });
  }

  @Test
  @DisplayName(
      "a trace id is unique per logical call: upload, generate and each status read, across"
          + " submits")
  void traceIdsUnique() {
    sim.nextJobs(
        Lifecycle.builder().runningFor(3).succeeded(),
        Lifecycle.builder().runningFor(1).succeeded());
    client.generate(request().build()).blockingLast();
    client.generate(request().build()).blockingLast();
    List<String> ids =
        sim.requests().stream()
            .filter(r -> !r.endpointName().equals("media"))
            .map(r -> r.header("Ai-trace-id"))
            .collect(Collectors.toList());
    assertThat(ids).hasSizeGreaterThanOrEqualTo(2 * 2 + 4 + 2);
    assertThat(new HashSet<>(ids)).as("distinct trace ids of %s", ids).hasSameSizeAs(ids);
  }

  @Test
  @DisplayName(
      "a retry of the same submit (re-subscription) reuses its trace ids and its uploaded image")
  void retryReusesTraceIds() {
    VideoProvider provider = builder().component().provider();
    sim.faults().on("submit").call(1).respond(Fault.status(503, "{}"));
    Single<TaskHandle> submit = provider.submit(request().build());
    submit.test().awaitDone(10, java.util.concurrent.TimeUnit.SECONDS).assertError(Exception.class);
    TaskHandle h = submit.blockingGet();
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());

    assertThat(sim.requestCount("upload")).as("uploads").isEqualTo(1);
    List<RecordedRequest> generates = sim.requests("submit");
    assertThat(generates).hasSize(2);
    assertThat(generates.get(1).header("Ai-trace-id"))
        .isEqualTo(generates.get(0).header("Ai-trace-id"));
    assertThat(generates.get(0).header("Ai-trace-id"))
        .isNotEqualTo(sim.requests("upload").get(0).header("Ai-trace-id"));

    // A new logical call, even with the same request object, gets new ids.
    provider.submit(request().build()).blockingGet();
    Set<String> generateIds =
        sim.requests("submit").stream()
            .map(r -> r.header("Ai-trace-id"))
            .collect(Collectors.toSet());
    assertThat(generateIds).hasSize(2);

    // Status: a new id per subscription.
    Single<TaskStatus> status = provider.status(h);
    status.blockingGet();
    status.blockingGet();
    List<RecordedRequest> reads = sim.requests("status");
    assertThat(reads.get(0).header("Ai-trace-id")).isNotEqualTo(reads.get(1).header("Ai-trace-id"));
  }

  @Test
  @DisplayName("a video_id sent as a string (as relays do) is kept as is")
  void videoIdAsString() {
    sim.videoIdsAsStrings(true);
    sim.nextJobs(Lifecycle.immediateSuccess());
    TaskStatus last = client.generate(request().build()).blockingLast();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.handle().taskId()).isEqualTo(sim.jobs().get(0).id());
    assertThat(sim.requests("status").get(0).path()).endsWith("/" + sim.jobs().get(0).id());
  }

  @Test
  @DisplayName("a success carries the url, size in pixels and bytes, and seed of the result")
  void successVideo() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    TaskStatus last = client.generate(request().seed(42L).build()).blockingLast();
    assertThat(last.rawStatus()).hasValue("1");
    assertThat(last.videos())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.url().toString()).isEqualTo(sim.videoUrl(sim.jobs().get(0).id()));
              assertThat(v.width()).hasValue(64);
              assertThat(v.height()).hasValue(64);
              assertThat(v.sizeBytes()).hasValue((long) sim.mediaBytes().length);
              assertThat(v.seed()).hasValue(42L);
            });
  }

  // Drift found by issue 17: the providers made handles, checked video URLs and scrubbed the key
  // each its own way. These go through the shared kit now.

  private static String repeat(char c, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(c);
    return b.toString();
  }

  @Test
  @DisplayName(
      "a 600-character video_id is an unknown submit outcome (MalformedResponseException), sent"
          + " once")
  void longVideoId() {
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(
                200,
                "{\"ErrCode\":0,\"ErrMsg\":\"Success\",\"Resp\":{\"video_id\":\""
                    + repeat('7', 600)
                    + "\"}}"));
    Throwable e = client.submit(request().build()).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(SubmitOutcomeUnknownException.class)
        .hasCauseInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("video_id");
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("a video URL that is not http(s) is refused, and the key in it is not quoted")
  void nonHttpVideoUrl() {
    sim.faults()
        .on("status")
        .always(
            Fault.status(
                200,
                "{\"ErrCode\":0,\"ErrMsg\":\"Success\",\"Resp\":"
                    + "{\"id\":1,\"status\":1,\"url\":\"ftp://media.example/"
                    + KEY
                    + ".mp4\"}}"));
    Throwable e =
        client.generate(request().build()).lastOrError().materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(MalformedResponseException.class).hasMessageContaining("http(s)");
    assertThat(e.getMessage()).doesNotContain(KEY);
  }

  @Test
  @DisplayName("the key an error answer echoes is scrubbed by the shared error mapping")
  void keyScrubbedFromErrors() {
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(
                400,
                "{\"ErrCode\":400017,\"ErrMsg\":\"bad request from " + KEY + "\",\"Resp\":null}"));
    Throwable e = client.submit(request().build()).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(VideoApiException.class);
    assertThat(e.getMessage()).doesNotContain(KEY).contains("****");
  }
}
