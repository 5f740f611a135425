package io.github.pixverse4j.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.DescribedClient;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.PollSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.testkit.FastPolling;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PollProtocolTest {
  private static final String KEY = "zeta-key-123456";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static PollProtocol.Builder minimal() {
    return PollProtocol.builder()
        .providerId("zeta")
        .model("zeta-v1")
        .defaultBaseUrl("https://api.zeta.example")
        .submitPath("v1/videos")
        .statusPath("v1/videos/{id}")
        .capabilities(
            io.github.pixverse4j.api.ProviderCapabilities.builder()
                .providerId("zeta")
                .model("zeta-v1")
                .maxPromptLength(10)
                .addImageKinds(ImageInput.Kind.URL)
                .build())
        .submitBody(r -> new java.util.LinkedHashMap<>())
        .taskId("/id")
        .status("/state")
        .state("waiting", TaskState.QUEUED)
        .state("done", TaskState.SUCCEEDED)
        .state("error", TaskState.FAILED)
        .videoUrls("/url");
  }

  @Test
  @DisplayName(
      "defaults: Bearer, /message, <PROVIDER_ID>_API_KEY, a display name from id and model")
  void defaults() {
    PollProtocol p = minimal().build();
    assertThat(p.authScheme()).isEqualTo("Bearer");
    assertThat(p.authHeader()).isNull();
    assertThat(p.errorMessageField()).isEqualTo("/message");
    assertThat(p.apiKeyEnvironmentVariable()).isEqualTo("ZETA_API_KEY");
    assertThat(p.displayName()).contains("zeta").contains("zeta-v1");
    assertThat(p.cancelPath()).isNull();
  }

  @Test
  @DisplayName("paths: relative, {id} as a whole segment in status and cancel paths, not in submit")
  void paths() {
    assertThatThrownBy(() -> minimal().submitPath("/v1/videos"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().submitPath("v1/{id}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().statusPath("v1/videos"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{id}");
    assertThatThrownBy(() -> minimal().statusPath("v1/videos/x{id}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minimal().taskId("id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON pointer");
  }

  @Test
  @DisplayName(
      "build refuses a state table without SUCCEEDED or FAILED, and a cancel path the capabilities"
          + " deny")
  void build() {
    assertThatThrownBy(
            () ->
                PollProtocol.builder()
                    .providerId("zeta")
                    .model("zeta-v1")
                    .defaultBaseUrl("https://x.example")
                    .submitPath("a")
                    .statusPath("a/{id}")
                    .capabilities(minimal().build().capabilities())
                    .submitBody(r -> new java.util.LinkedHashMap<>())
                    .taskId("/id")
                    .status("/s")
                    .videoUrls("/u")
                    .state("ok", TaskState.SUCCEEDED)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FAILED");
    assertThatThrownBy(() -> minimal().cancelPath("v1/videos/{id}/cancel").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("supportsCancel");
  }

  private static VideoClient client(PollSimulator sim) {
    return DescribedClient.builder(Zeta.PROTOCOL)
        .baseUrl(sim.baseUrl())
        .apiKey(KEY)
        .pollingPolicy(FastPolling.policy())
        .build();
  }

  private static ImageToVideoRequest request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/a.png"))
        .prompt("a cat")
        .durationSeconds(10)
        .seed(42L)
        .build();
  }

  @Test
  @DisplayName(
      "on the wire: the bare key header, the submit body as mapped, the status and cancel paths"
          + " with the id, progress and queue position read at their pointers")
  void wire() throws Exception {
    try (PollSimulator sim = new PollSimulator(Zeta.SIMULATOR, KEY).start()) {
      VideoClient client = client(sim);
      sim.nextJobs(Lifecycle.builder().queued(2, 3).running(40).succeeded());
      List<TaskStatus> statuses = client.generate(request()).toList().blockingGet();
      String id = statuses.get(0).handle().taskId();
      RecordedRequest submit = sim.requests("submit").get(0);
      assertThat(submit.path()).isEqualTo("/v1/videos");
      assertThat(submit.header("X-API-Key")).isEqualTo(KEY);
      assertThat(submit.header("Authorization")).isNull();
      assertThat(MAPPER.readTree(submit.bodyUtf8()))
          .isEqualTo(
              MAPPER.readTree(
                  "{\"image_url\":\"https://example.com/a.png\",\"text\":\"a cat\","
                      + "\"seconds\":10,\"seed\":42}"));
      assertThat(sim.requests("status"))
          .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/videos/" + id));
      assertThat(statuses).anySatisfy(s -> assertThat(s.queuePosition()).hasValue(3));
      assertThat(statuses).anySatisfy(s -> assertThat(s.progressPercent()).hasValue(40));
      assertThat(statuses.get(statuses.size() - 1).videos().get(0).url())
          .hasToString(sim.videoUrl(id));

      TaskHandle second = client.submit(request()).blockingGet();
      client.cancel(second).blockingAwait();
      assertThat(sim.requests("cancel"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.path()).isEqualTo("/v1/videos/" + second.taskId() + "/cancel");
              });
    }
  }

  @Test
  @DisplayName(
      "a failure's message and code are read at their pointers; the moderation flag makes it"
          + " MODERATION")
  void failures() {
    try (PollSimulator sim = new PollSimulator(Zeta.SIMULATOR, KEY).start()) {
      VideoClient client = client(sim);
      sim.nextJobs(
          Lifecycle.builder().queued(1).failed("out of memory"),
          Lifecycle.builder().queued(1).moderated("nope"));
      TaskStatus failed = client.generate(request()).blockingLast();
      assertThat(failed.state()).isEqualTo(TaskState.FAILED);
      assertThat(failed.failure().get().category()).isEqualTo(FailureCategory.PROVIDER_ERROR);
      assertThat(failed.failure().get().message()).isEqualTo("out of memory");
      TaskStatus moderated = client.generate(request()).blockingLast();
      assertThat(moderated.failure().get().category()).isEqualTo(FailureCategory.MODERATION);
    }
  }
}
