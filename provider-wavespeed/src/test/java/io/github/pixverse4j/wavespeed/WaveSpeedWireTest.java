package io.github.pixverse4j.wavespeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.PollSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import io.github.pixverse4j.wavespeed.simulator.WaveSpeedSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** WaveSpeed on the wire: its paths, Bearer auth, its body, its answers' fields. */
class WaveSpeedWireTest {
  private static final String KEY = "ws-wire-key-8086";
  private static final String SUBMIT = "/api/v3/pixverse/pixverse-v6/image-to-video";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PollSimulator sim;
  private VideoClient client;

  @BeforeEach
  void start() {
    sim = WaveSpeedSimulator.create(KEY).start();
    client = client();
  }

  private VideoClient client() {
    return WaveSpeed.builder()
        .baseUrl(sim.baseUrl())
        .apiKey(KEY)
        .pollingPolicy(FastPolling.policy())
        .build();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("a cat")
        .durationSeconds(7)
        .quality(Quality.P1080)
        .audio(true)
        .multiClip(true)
        .thinkingType("enabled")
        .build();
  }

  @Test
  @DisplayName(
      "submit is POST api/v3/pixverse/pixverse-v6/image-to-video with Bearer and WaveSpeed's"
          + " field names and values")
  void submit() throws Exception {
    TaskHandle h = client.submit(request()).blockingGet();
    RecordedRequest submit = sim.requests("submit").get(0);
    assertThat(submit.method()).isEqualTo("POST");
    assertThat(submit.path()).isEqualTo(SUBMIT);
    assertThat(submit.header("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(MAPPER.readTree(submit.bodyUtf8()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"image\":\"https://example.com/cat.png\",\"prompt\":\"a cat\","
                    + "\"resolution\":\"1080p\",\"duration\":7,\"generate_audio_switch\":true,"
                    + "\"generate_multi_clip_switch\":true,\"thinking_type\":\"enabled\"}"));
    assertThat(h.providerId()).isEqualTo("wavespeed");
    assertThat(h.model()).isEqualTo("pixverse/pixverse-v6/image-to-video");
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName(
      "status is GET api/v3/predictions/{id}/result with Bearer; created → QUEUED, processing →"
          + " RUNNING, completed → SUCCEEDED with data.outputs[0]")
  void statusPath() {
    sim.nextJobs(Lifecycle.builder().queued(1, 2).running(50).succeeded());
    List<TaskStatus> statuses = client.generate(request()).toList().blockingGet();
    TaskStatus last = statuses.get(statuses.size() - 1);
    String id = last.handle().taskId();
    assertThat(statuses)
        .extracting(TaskStatus::state)
        .containsSubsequence(TaskState.QUEUED, TaskState.RUNNING, TaskState.SUCCEEDED);
    assertThat(statuses)
        .extracting(s -> s.rawStatus().orElse(null))
        .contains("processing", "completed");
    assertThat(last.videos())
        .singleElement()
        .satisfies(v -> assertThat(v.url()).hasToString(sim.videoUrl(id)));
    assertThat(sim.requests("status"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo("/api/v3/predictions/" + id + "/result");
              assertThat(r.header("Authorization")).isEqualTo("Bearer " + KEY);
            });
  }

  @Test
  @DisplayName("a restored handle reads the same status URL (built from the id alone)")
  void restoredHandle() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    String token = client.submit(request()).blockingGet().token();
    TaskStatus last = client().watch(TaskHandle.parse(token)).blockingLast();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status"))
        .allSatisfy(
            r ->
                assertThat(r.path())
                    .isEqualTo("/api/v3/predictions/" + last.handle().taskId() + "/result"));
  }

  @Test
  @DisplayName(
      "failed → FAILED with data.error as the message; failed with has_nsfw_contents [true] →"
          + " MODERATION")
  void failures() {
    sim.nextJobs(
        Lifecycle.builder().queued(1).failed("GPU fell over"),
        Lifecycle.builder().queued(1).moderated("flagged"));
    TaskStatus failed = client.generate(request()).blockingLast();
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.rawStatus()).hasValue("failed");
    assertThat(failed.failure().get().category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
    assertThat(failed.failure().get().message()).isEqualTo("GPU fell over");
    TaskStatus moderated = client.generate(request()).blockingLast();
    assertThat(moderated.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
    assertThat(moderated.failure().get().message()).isEqualTo("flagged");
  }

  @Test
  @DisplayName("a 400 answer's message is the provider's words of the InvalidRequestException")
  void errorMessage() {
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(400, "{\"code\":400,\"message\":\"duration: out of range\"}")
                .withContentType("application/json"));
    Throwable e = client.submit(request()).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("duration: out of range");
  }

  @Test
  @DisplayName("completed without outputs is a MalformedResponseException naming data.outputs")
  void completedWithoutOutputs() {
    TaskHandle h = client.submit(request()).blockingGet();
    sim.faults()
        .on("status")
        .next(
            1,
            Fault.status(
                    200,
                    "{\"code\":200,\"message\":\"success\",\"data\":{\"id\":\""
                        + h.taskId()
                        + "\",\"status\":\"completed\",\"outputs\":[]}}")
                .withContentType("application/json"));
    Throwable e = client.status(h).materialize().blockingGet().getError();
    assertThat(e)
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("data.outputs");
  }

  @Test
  @DisplayName("cancel fails at once with UnsupportedFeatureException, sending nothing")
  void noCancel() {
    TaskHandle h = client.submit(request()).blockingGet();
    sim.clearRequests();
    Throwable e = client.cancel(h).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(UnsupportedFeatureException.class);
    assertThat(sim.requests()).isEmpty();
  }
}
