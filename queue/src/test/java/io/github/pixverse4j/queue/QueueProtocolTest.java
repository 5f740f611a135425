package io.github.pixverse4j.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import java.nio.file.Paths;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueueProtocolTest {
  private static final ProviderCapabilities CAPS =
      ProviderCapabilities.builder()
          .providerId("acme")
          .model("m")
          .maxPromptLength(10)
          .addDurationsSeconds(5)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .build();

  private static QueueProtocol.Builder valid() {
    return QueueProtocol.builder()
        .providerId("acme")
        .model("m")
        .defaultBaseUrl("https://acme.example")
        .submitPath("v1/queue/m")
        .capabilities(CAPS);
  }

  @Test
  @DisplayName(
      "defaults: app path = submit path, result at …/response, Bearer, fal's error fields, the"
          + " standard body")
  void defaults() {
    QueueProtocol p = valid().build();
    assertThat(p.appPath()).isEqualTo("v1/queue/m");
    assertThat(p.resultPath()).isEqualTo(QueueProtocol.ResultPath.RESPONSE);
    assertThat(p.authScheme()).isEqualTo("Bearer");
    assertThat(p.errorDetailField()).isEqualTo("detail");
    assertThat(p.errorTypeField()).isEqualTo("error_type");
    assertThat(p.errorTypeHeader()).isEqualTo("X-Fal-Error-Type");
    assertThat(p.requestFields()).containsEntry("generate_audio_switch", "audio");
    assertThat(
            p.submitBody()
                .body(
                    ImageToVideoRequest.builder()
                        .image(ImageInput.url("https://e.example/a.png"))
                        .prompt("p")
                        .durationSeconds(5)
                        .build()))
        .containsExactly(
            java.util.Map.entry("image", "https://e.example/a.png"),
            java.util.Map.entry("prompt", "p"),
            java.util.Map.entry("duration", 5));
  }

  @Test
  @DisplayName(
      "missing settings, ill-formed paths and schemes, and another provider's capabilities are"
          + " refused")
  void refused() {
    assertThatThrownBy(() -> valid().submitPath("/v1/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("submitPath");
    assertThatThrownBy(() -> valid().appPath("a/b/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().submitPath("a?b=1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().authScheme("Key value"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueueProtocol.builder().providerId("acme").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(
            () ->
                valid()
                    .capabilities(
                        ProviderCapabilities.builder().from(CAPS).providerId("other").build())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other");
    assertThatThrownBy(
            () ->
                QueueProtocol.imageUrl(
                    ImageToVideoRequest.builder()
                        .image(ImageInput.file(Paths.get("a.png")))
                        .prompt("p")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image URL");
  }
}
