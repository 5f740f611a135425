package io.github.pixverse4j.fal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.fal.simulator.FalSimulator;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.QueueSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fal-style configuration on the wire: its paths, its auth scheme, its body, its error fields.
 */
class FalWireTest {
  private static final String KEY = "fal-wire-key-8086";
  private static final String SUBMIT = "/fal-ai/pixverse/v6/image-to-video";
  private static final String APP = "/fal-ai/pixverse";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private QueueSimulator sim;
  private VideoClient client;

  @BeforeEach
  void start() {
    sim = FalSimulator.create(KEY).start();
    client =
        Fal.builder()
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
        .negativePrompt("blurry")
        .durationSeconds(8)
        .quality(Quality.P720)
        .seed(7L)
        .audio(true)
        .build();
  }

  @Test
  @DisplayName(
      "submit is POST fal-ai/pixverse/v6/image-to-video with Authorization: Key and fal's field"
          + " names and values")
  void submit() throws Exception {
    TaskHandle h = client.submit(request()).blockingGet();
    RecordedRequest submit = sim.requests("submit").get(0);
    assertThat(submit.method()).isEqualTo("POST");
    assertThat(submit.path()).isEqualTo(SUBMIT);
    assertThat(submit.header("Authorization")).isEqualTo("Key " + KEY);
    assertThat(MAPPER.readTree(submit.bodyUtf8()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"image_url\":\"https://example.com/cat.png\",\"prompt\":\"a"
                    + " cat\",\"negative_prompt\":\"blurry\","
                    + "\"duration\":8,\"resolution\":\"720p\",\"seed\":7,"
                    + "\"generate_audio_switch\":true}"));
    assertThat(h.providerId()).isEqualTo("fal");
    assertThat(h.model()).isEqualTo("fal-ai/pixverse/v6/image-to-video");
    assertThat(h.taskId()).isEqualTo(sim.jobs().get(0).id());
  }

  @Test
  @DisplayName(
      "status, result and cancel go to the app path fal-ai/pixverse/requests/{id}, with"
          + " Authorization: Key")
  void appPath() {
    sim.nextJobs(
        Lifecycle.builder().queued(1, 2).running(50).succeeded(),
        Lifecycle.builder().runningFor(100).succeeded());
    List<TaskStatus> statuses = client.generate(request()).toList().blockingGet();
    TaskStatus last = statuses.get(statuses.size() - 1);
    String id = last.handle().taskId();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(last.videos().get(0).url().toString()).isEqualTo(sim.videoUrl(id));
    assertThat(sim.requests("status"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo(APP + "/requests/" + id + "/status");
              assertThat(r.header("Authorization")).isEqualTo("Key " + KEY);
            });
    assertThat(sim.requests("result"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.path()).isEqualTo(APP + "/requests/" + id);
              assertThat(r.header("Authorization")).isEqualTo("Key " + KEY);
            });

    TaskHandle second = client.submit(request()).blockingGet();
    client.cancel(second).blockingAwait();
    RecordedRequest cancel = sim.requests("cancel").get(0);
    assertThat(cancel.method()).isEqualTo("PUT");
    assertThat(cancel.path()).isEqualTo(APP + "/requests/" + second.taskId() + "/cancel");
    assertThat(cancel.header("Authorization")).isEqualTo("Key " + KEY);
  }

  @Test
  @DisplayName(
      "a restored handle builds the app-path URLs from the base URL (no submit answer to follow)")
  void restoredHandle() {
    sim.nextJobs(Lifecycle.immediateSuccess());
    String token = client.submit(request()).blockingGet().token();
    VideoClient fresh =
        Fal.builder()
            .baseUrl(sim.baseUrl())
            .apiKey(KEY)
            .pollingPolicy(FastPolling.policy())
            .build();
    TaskStatus last = fresh.watch(TaskHandle.parse(token)).blockingLast();
    assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(sim.requests("status"))
        .isNotEmpty()
        .allSatisfy(
            r ->
                assertThat(r.path())
                    .isEqualTo(APP + "/requests/" + last.handle().taskId() + "/status"));
    assertThat(sim.requests("result"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.path()).isEqualTo(APP + "/requests/" + last.handle().taskId()));
  }

  @Test
  @DisplayName(
      "a 422 detail list names fal's fields in request terms (image_url → image, resolution →"
          + " quality)")
  void errorFields() {
    sim.faults()
        .on("submit")
        .next(
            1,
            Fault.status(
                    422,
                    "{\"detail\":[{\"loc\":[\"body\",\"image_url\"],"
                        + "\"msg\":\"unreachable\",\"type\":\"file_download_error\"},{\"loc\":[\"body\",\"resolution\"],"
                        + "\"msg\":\"bad\",\"type\":\"enum\"}]}")
                .withContentType("application/json"));
    Throwable e = client.submit(request()).materialize().blockingGet().getError();
    assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessageContaining("unreachable");
    assertThat(((InvalidRequestException) e).violations())
        .extracting(Violation::field)
        .containsExactly("image", "quality");
  }
}
