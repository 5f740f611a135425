package io.github.pixverse4j.v3async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A submit answered 500: unknown outcome, unless the answer is documented to have created nothing.
 */
class V3AsyncSubmitOutcomeTest {
  static final String KEY = "v3-outcome-key-24680";
  private final V3AsyncSimulator sim = V3AsyncSimulator.highway(KEY).start();
  private final VideoClient client = V3Async.highway().baseUrl(sim.baseUrl()).apiKey(KEY).build();

  @AfterEach
  void stop() {
    sim.close();
  }

  private Throwable submitError() {
    return catchThrowable(
        () ->
            client
                .submit(
                    ImageToVideoRequest.builder()
                        .image(ImageInput.url("https://example.com/cat.png"))
                        .prompt("a cat")
                        .build())
                .blockingGet());
  }

  @Test
  @DisplayName(
      "500 CREATE_TASK_FAILED (documented: the task was not created) →"
          + " ProviderUnavailableException, sent once")
  void documentedNothingCreated() {
    sim.faults()
        .on("submit")
        .always(
            Fault.status(
                500,
                "{\"code\":500,\"reason\":\"CREATE_TASK_FAILED\",\"message\":\"failed to create"
                    + " task\",\"metadata\":{}}"));
    assertThat(submitError())
        .isExactlyInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("CREATE_TASK_FAILED");
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }

  @Test
  @DisplayName("a bare 500 may have created the task → SubmitOutcomeUnknownException, sent once")
  void bare500() {
    sim.faults().on("submit").always(Fault.status(500, "{\"error\":\"oops\"}"));
    assertThat(submitError()).isExactlyInstanceOf(SubmitOutcomeUnknownException.class);
    assertThat(sim.requestCount("submit")).isEqualTo(1);
  }
}
