package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.simulator.DecodedRequest.Setting;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The decoded view of a request: strict reading, the request's side, and where jobs keep it. */
class DecodedRequestTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  @DisplayName("fromJson reads each setting in its type, and absent or null fields stay absent")
  void fromJson() throws Exception {
    JsonNode body =
        json(
            "{\"img\":\"https://e.example/a.png\",\"p\":\"hi\",\"d\":7,\"q\":\"360p\",\"s\":424242,"
                + "\"m\":\"v4.5\",\"a\":true,\"c\":0.35,\"mm\":\"fast\",\"t\":301,\"n\":null}");
    DecodedRequest d =
        DecodedRequest.builder()
            .fromJson(body, "img", Setting.IMAGE)
            .fromJson(body, "p", Setting.PROMPT)
            .fromJson(body, "d", Setting.DURATION_SECONDS)
            .fromJson(body, "q", Setting.QUALITY)
            .fromJson(body, "s", Setting.SEED)
            .fromJson(body, "m", Setting.MODEL)
            .fromJson(body, "a", Setting.AUDIO)
            .fromJson(body, "c", Setting.CFG_SCALE)
            .fromJson(body, "mm", Setting.MOTION_MODE)
            .fromJson(body, "t", Setting.TEMPLATE_ID)
            .fromJson(body, "n", Setting.NEGATIVE_PROMPT)
            .fromJson(body, "missing", Setting.STYLE)
            .build();
    assertThat(d)
        .isEqualTo(
            DecodedRequest.builder()
                .image(ImageInput.url("https://e.example/a.png"))
                .prompt("hi")
                .durationSeconds(7)
                .quality(Quality.P360)
                .seed(424242)
                .model(Model.V4_5)
                .audio(true)
                .cfgScale(0.35)
                .motionMode(MotionMode.FAST)
                .templateId("301")
                .build());
    assertThat(d.get(Setting.NEGATIVE_PROMPT)).isEmpty();
    assertThat(d.get(Setting.STYLE)).isEmpty();
    assertThat(d.toString()).contains("SEED=424242").contains("QUALITY=360p");
  }

  @Test
  @DisplayName(
      "fromJson is strict: \"5s\", \"P720\", a seed as text or a boolean as text are refused")
  void strict() throws Exception {
    JsonNode body =
        json("{\"d\":\"5s\",\"q\":\"P720\",\"s\":\"42\",\"a\":\"true\",\"mm\":\"FAST\"}");
    for (String[] f :
        new String[][] {
          {"d", "DURATION_SECONDS"},
          {"q", "QUALITY"},
          {"s", "SEED"},
          {"a", "AUDIO"},
          {"mm", "MOTION_MODE"}
        }) {
      assertThatThrownBy(() -> DecodedRequest.builder().fromJson(body, f[0], Setting.valueOf(f[1])))
          .as(f[1])
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot decode field '" + f[0] + "'");
    }
    assertThatThrownBy(() -> DecodedRequest.builder().set(Setting.SEED, 42))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SEED takes a Long, got Integer 42");
  }

  @Test
  @DisplayName("Setting.of gives what a request asks, in the decoded types; unset is empty")
  void requestSide() {
    ImageToVideoRequest r =
        ImageToVideoRequest.builder()
            .image(ImageInput.url("https://e.example/a.png"))
            .prompt("p")
            .durationSeconds(7)
            .seed(424242L)
            .build();
    assertThat(Setting.DURATION_SECONDS.of(r)).contains(7L);
    assertThat(Setting.SEED.of(r)).contains(424242L);
    assertThat(Setting.IMAGE.of(r)).contains(ImageInput.url("https://e.example/a.png"));
    assertThat(Setting.QUALITY.of(r)).isEmpty();
    assertThat(Setting.SOURCE_TASK_ID.of(r)).isEmpty();
    ExtendVideoRequest e =
        ExtendVideoRequest.builder()
            .source(VideoSource.task(TaskHandle.of("acme", "m1", "task-9")))
            .prompt("then")
            .quality(Quality.P1080)
            .build();
    assertThat(Setting.SOURCE_TASK_ID.of(e)).contains("task-9");
    assertThat(Setting.SOURCE_VIDEO.of(e)).isEmpty();
    assertThat(Setting.QUALITY.of(e)).contains(Quality.P1080);
    assertThat(Setting.IMAGE.of(e)).isEmpty();
  }

  @Test
  @DisplayName(
      "a queue simulator keeps the decoded standard body on the job; each read's phase is kept")
  void queueJobKeepsDecodedView() throws Exception {
    QueueSimulator.Settings settings =
        QueueSimulator.Settings.builder("acme").submitPath("/acme/i2v").build();
    try (QueueSimulator sim = new QueueSimulator(settings, "k").start()) {
      sim.nextJobs(Lifecycle.builder().queued(1, 4).running(30).succeeded());
      HttpResponse<byte[]> r =
          new Http()
              .post(
                  sim.baseUrl() + "/acme/i2v",
                  "{\"image\":\"https://e.example/a.png\",\"prompt\":\"hi\",\"duration\":7,"
                      + "\"quality\":\"1080p\",\"seed\":424242,\"generate_audio_switch\":true}",
                  "Authorization",
                  "Bearer k",
                  "Content-Type",
                  "application/json");
      assertThat(r.statusCode()).as(Http.utf8(r)).isEqualTo(200);
      SimJob job = sim.jobs().get(0);
      assertThat(job.decoded())
          .contains(
              DecodedRequest.builder()
                  .image(ImageInput.url("https://e.example/a.png"))
                  .prompt("hi")
                  .durationSeconds(7)
                  .quality(Quality.P1080)
                  .seed(424242)
                  .audio(true)
                  .build());
      assertThat(job.lastObserved()).isEmpty();
      job.observe();
      assertThat(job.lastObserved()).contains(JobPhase.queued(4));
      job.observe();
      assertThat(job.lastObserved()).contains(JobPhase.running(30, null));
    }
  }

  @Test
  @DisplayName("a job created without a decoded view says so with an empty decoded()")
  void noDecodedView() {
    EchoSimulator sim = new EchoSimulator("k");
    assertThat(sim.createJobForTest("job-x", "{}").decoded()).isEqualTo(Optional.empty());
  }
}
