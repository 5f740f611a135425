package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import io.reactivex.rxjava3.core.Single;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extend on the wire: media upload, the extend JSON (ids as exact JSON integers) and its errors.
 */
class PixVerseExtendTest {
  private static final String KEY = "extend-key-9f3e1a";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first bytes of an MP4 file, padded. */
  static final byte[] MP4 = {
    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 1, 2, 3, 4
  };

  @TempDir Path dir;

  private PixVerseSimulator sim;
  private VideoClient client;

  @BeforeEach
  void start() {
    sim = new PixVerseSimulator(KEY).start();
    sim.defaultLifecycle(Lifecycle.immediateSuccess());
    client =
        PixVerse.builder()
            .apiKey(KEY)
            .baseUrl(sim.baseUrl())
            .pollingPolicy(FastPolling.policy())
            .build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ExtendVideoRequest.Builder extend(VideoSource source) {
    return ExtendVideoRequest.builder().source(source).prompt("the cat jumps off the table");
  }

  private TaskHandle finishedTask() {
    TaskStatus last =
        client
            .generate(
                ImageToVideoRequest.builder()
                    .image(ImageInput.url("https://example.com/cat.png"))
                    .prompt("a cat")
                    .build())
            .timeout(10, TimeUnit.SECONDS)
            .blockingLast();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    sim.clearRequests();
    return last.handle();
  }

  private static Throwable errorOf(Single<?> single) {
    try {
      single.timeout(10, TimeUnit.SECONDS).blockingGet();
      throw new AssertionError("expected an error");
    } catch (RuntimeException e) {
      return e;
    }
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  @DisplayName(
      "a finished PixVerse task becomes source_video_id, no upload; every field under its exact"
          + " name")
  void fromTask() throws Exception {
    TaskHandle earlier = finishedTask();
    TaskStatus end =
        client
            .extend(
                extend(VideoSource.task(earlier))
                    .negativePrompt("blur")
                    .durationSeconds(5)
                    .quality(Quality.P720)
                    .seed(42L)
                    .style("anime")
                    .motionMode(MotionMode.FAST)
                    .templateId("302325299692608")
                    .model(Model.V4)
                    .build())
            .timeout(10, TimeUnit.SECONDS)
            .blockingLast();
    assertThat(end.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(end.videos()).hasSize(1);
    assertThat(sim.requestCount("media-upload")).isZero();
    RecordedRequest r = sim.requests("extend").get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/openapi/v2/video/extend/generate");
    assertThat(r.header("API-KEY")).isEqualTo(KEY);
    assertThat(r.header("Ai-trace-id")).isNotBlank();
    assertThat(json(r.bodyUtf8()))
        .isEqualTo(
            json(
                "{"
                    + "\"source_video_id\":"
                    + earlier.taskId()
                    + ",\"prompt\":\"the cat jumps off the table\","
                    + "\"model\":\"v4\",\"duration\":5,\"quality\":\"720p\",\"negative_prompt\":\"blur\","
                    + "\"motion_mode\":\"fast\",\"seed\":42,\"template_id\":302325299692608,\"style\":\"anime\"}"));
    assertThat(end.handle().taskId()).isEqualTo(sim.jobs().get(1).id());
  }

  @Test
  @DisplayName(
      "a local file is uploaded as part 'file' (video/mp4, neutral name), then sent as"
          + " video_media_id, exact beyond 2^53")
  void fromFile() throws Exception {
    Path file = Files.write(dir.resolve("my holiday.mp4"), MP4);
    TaskHandle h =
        client
            .submit(extend(VideoSource.file(file)).build())
            .timeout(10, TimeUnit.SECONDS)
            .blockingGet();
    RecordedRequest upload = sim.requests("media-upload").get(0);
    assertThat(upload.path()).isEqualTo("/openapi/v2/media/upload");
    String multipart = upload.bodyUtf8();
    assertThat(multipart)
        .contains("name=\"file\"; filename=\"video.mp4\"", "Content-Type: video/mp4")
        .doesNotContain("holiday");
    String body = sim.requests("extend").get(0).bodyUtf8();
    // 2^53 + 1 as a JSON integer: a trip through double would have made it ...992.
    assertThat(body)
        .contains("\"video_media_id\":" + PixVerseSimulator.FIRST_MEDIA_ID)
        .contains("9007199254740993")
        .doesNotContain("source_video_id");
    assertThat(json(body))
        .isEqualTo(
            json(
                "{\"video_media_id\":9007199254740993,\"prompt\":\"the cat jumps off the"
                    + " table\",\"model\":\"v4.5\",\"duration\":5,\"quality\":\"540p\"}"));
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName("a URL is uploaded as form field file_url; a media id is sent without upload")
  void fromUrlAndMediaId() {
    client.submit(extend(VideoSource.url("https://example.com/clip.mp4")).build()).blockingGet();
    assertThat(sim.requests("media-upload").get(0).bodyUtf8())
        .contains("name=\"file_url\"", "https://example.com/clip.mp4");
    sim.clearRequests();
    long id = sim.addUploadedVideo();
    client.submit(extend(VideoSource.providerMediaId(id)).build()).blockingGet();
    assertThat(sim.requestCount("media-upload")).isZero();
    assertThat(sim.requests("extend").get(0).bodyUtf8()).contains("\"video_media_id\":" + id);
  }

  @Test
  @DisplayName(
      "invalid input sends nothing: 1080p with 8 s, a file that is not a video, another provider's"
          + " task")
  void invalidSendsNothing() throws Exception {
    Path png =
        Files.write(
            dir.resolve("clip.mp4"),
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    Throwable e =
        errorOf(
            client.submit(
                extend(VideoSource.file(png)).quality(Quality.P1080).durationSeconds(8).build()));
    assertThat(e).isInstanceOf(InvalidRequestException.class);
    assertThat(((InvalidRequestException) e).violations())
        .extracting(v -> v.field())
        .containsExactly("duration", "source");
    e = errorOf(client.submit(extend(VideoSource.task(TaskHandle.of("gmi", "m", "1"))).build()));
    assertThat(e)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("belongs to provider 'gmi'");
    assertThat(sim.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "an unknown source (400017 \"couldn't find a matching ...\") is an InvalidRequestException"
          + " saying so")
  void unknownSource() {
    Throwable e = errorOf(client.submit(extend(VideoSource.providerMediaId(123L)).build()));
    assertThat(e)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("could not find the source video")
        .hasMessageContaining("couldn't find a matching video_media_id");
    e =
        errorOf(
            client.submit(
                extend(VideoSource.task(TaskHandle.of("pixverse", "v4.5", "300000000999")))
                    .build()));
    assertThat(e)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("couldn't find a matching source_video_id");
    assertThat(sim.jobCount()).isZero();
  }

  @Test
  @DisplayName("400013 (wrong type or value) is an InvalidRequestException")
  void wrongValue() {
    sim.faults()
        .on("extend")
        .call(1)
        .respond(
            Fault.status(200, "{\"ErrCode\":400013,\"ErrMsg\":\"invalid value\",\"Resp\":null}")
                .withContentType("application/json"));
    Throwable e =
        errorOf(client.submit(extend(VideoSource.providerMediaId(sim.addUploadedVideo())).build()));
    assertThat(e)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("ErrCode 400013");
    assertThat(sim.requestCount("extend")).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the concurrency limit (500044) on extend is resent by the engine without a second upload:"
          + " one job")
  void concurrencyLimitNoSecondUpload() throws Exception {
    sim.faults()
        .on("extend")
        .call(1)
        .respond(
            Fault.status(
                    200,
                    "{\"ErrCode\":500044,\"ErrMsg\":\"Reached the limit for concurrent"
                        + " generations\",\"Resp\":null}")
                .withContentType("application/json"));
    Path file = Files.write(dir.resolve("clip.mp4"), MP4);
    TaskHandle h =
        client
            .submit(extend(VideoSource.file(file)).build())
            .timeout(10, TimeUnit.SECONDS)
            .blockingGet();
    assertThat(h).isNotNull();
    assertThat(sim.requestCount("media-upload")).isEqualTo(1);
    assertThat(sim.requestCount("extend")).isEqualTo(2);
    assertThat(sim.requests("extend").get(1).header("Ai-trace-id"))
        .isEqualTo(sim.requests("extend").get(0).header("Ai-trace-id"));
    assertThat(sim.jobCount()).isEqualTo(1);
    assertThat(sim.uploadedVideoCount()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an extend whose answer is lost after the upload is not resent, and the upload is not"
          + " repeated")
  void lostExtend() throws Exception {
    sim.faults().on("extend").call(1).respond(Fault.dropAfterRead());
    Path file = Files.write(dir.resolve("clip.mp4"), MP4);
    Throwable e = errorOf(client.submit(extend(VideoSource.file(file)).build()));
    assertThat(e).isInstanceOf(io.github.pixverse4j.api.SubmitOutcomeUnknownException.class);
    assertThat(sim.requestCount("media-upload")).isEqualTo(1);
    assertThat(sim.requestCount("extend")).isEqualTo(1);
  }
}
