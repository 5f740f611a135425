package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProviderCapabilitiesTest {
  private static final ProviderCapabilities CAPS =
      ProviderCapabilities.builder()
          .providerId("test")
          .model("pixverse-v6-i2v")
          .maxPromptLength(10)
          .maxNegativePromptLength(5)
          .durationRange(1, 15)
          .addQualities(Quality.P540, Quality.P720)
          .addImageKinds(ImageInput.Kind.URL)
          .supportsSeed(true)
          .addStyles("anime", "clay")
          .addConstraints(
              Constraint.of(
                  "720p allows at most 8 s",
                  r ->
                      r.quality().filter(q -> q == Quality.P720).isPresent()
                              && r.durationSeconds().orElse(0L) > 8
                          ? Optional.of(
                              Violation.of(
                                  "duration",
                                  "<= 8 s at 720p",
                                  r.durationSeconds().get() + " s",
                                  "720p allows at most 8 seconds."))
                          : Optional.empty()))
          .build();

  private static ImageToVideoRequest.Builder valid() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/a.png"))
        .prompt("a cat");
  }

  @Test
  @DisplayName("a valid request has no violations")
  void validRequest() {
    assertThat(
            CAPS.validate(
                valid().durationSeconds(5).quality(Quality.P540).seed(0L).style("anime").build()))
        .isEmpty();
    assertThat(CAPS.validate(valid().seed(ProviderCapabilities.MAX_SEED).build())).isEmpty();
  }

  @Test
  @DisplayName("issue 24 #9: lists in messages read as in a sentence, never Java's [a, b]")
  void listsAsSentences() {
    ProviderCapabilities caps =
        ProviderCapabilities.builder()
            .from(CAPS)
            .addModels(Model.of("v3.5"), Model.of("v4"), Model.of("v4.5"))
            .build();
    List<Violation> v =
        caps.validate(
            valid()
                .image(ImageInput.file(Paths.get("x.png")))
                .quality(Quality.P1080)
                .style("pixel")
                .model(Model.V6)
                .build());
    assertThat(v)
        .extracting(Violation::field)
        .containsExactly("quality", "image", "style", "model");
    assertThat(v.get(0).message()).endsWith("; use one of 540p or 720p.");
    assertThat(v.get(1).message()).endsWith("; accepted: URL.");
    assertThat(v.get(2).message()).endsWith("; use one of anime or clay.");
    assertThat(v.get(3).message()).endsWith("; use one of v3.5, v4 or v4.5.");
    assertThat(v)
        .extracting(Violation::limit)
        .containsExactly(
            "one of 540p or 720p", "URL", "one of anime or clay", "one of v3.5, v4 or v4.5");
    for (Violation each : v) assertThat(each.message() + each.limit()).doesNotContain("[", "]");
  }

  @Test
  @DisplayName("every violation is reported at once, each naming field, limit and given value")
  void allViolations() {
    ImageToVideoRequest r =
        ImageToVideoRequest.builder()
            .image(ImageInput.file(Paths.get("x.png")))
            .prompt("this prompt is too long")
            .negativePrompt("too long")
            .duration(Duration.ofSeconds(16))
            .quality(Quality.P1080)
            .seed(ProviderCapabilities.MAX_SEED + 1)
            .audio(true)
            .cfgScale(0.5)
            .style("pixel")
            .model(Model.V6)
            .build();
    List<Violation> v = CAPS.validate(r);
    assertThat(v)
        .extracting(Violation::field)
        .containsExactly(
            "prompt",
            "negativePrompt",
            "duration",
            "quality",
            "image",
            "seed",
            "audio",
            "cfgScale",
            "style",
            "model");
    Violation duration = v.get(2);
    assertThat(duration.limit()).isEqualTo("1 to 15 seconds");
    assertThat(duration.given()).isEqualTo("16s");
    assertThat(duration.message()).contains("1 to 15 seconds", "got 16s", "test");
    assertThat(v.get(4).message()).contains("local image file", "URL");
    assertThat(v.get(0).message()).contains("23 characters", "10");
  }

  @Test
  @DisplayName("fractional durations and cross-field constraints are violations")
  void constraints() {
    assertThat(CAPS.validate(valid().duration(Duration.ofMillis(5500)).build()))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("whole number", "got 5.5s"));
    assertThat(CAPS.validate(valid().quality(Quality.P720).durationSeconds(10).build()))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo("720p allows at most 8 seconds."));
  }

  @Test
  @DisplayName("requireValid throws InvalidRequestException listing all violations")
  void requireValid() {
    assertThatThrownBy(() -> CAPS.requireValid(valid().prompt(" ").seed(-1L).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nothing was sent")
        .hasMessageContaining("prompt is empty")
        .hasMessageContaining("seed must be between 0 and 2147483647")
        .satisfies(e -> assertThat(((InvalidRequestException) e).violations()).hasSize(2));
  }

  @Test
  @DisplayName("durations are described in words")
  void describeDurations() {
    assertThat(CAPS.describeDurations()).isEqualTo("1 to 15 seconds");
    ProviderCapabilities five8 =
        ProviderCapabilities.builder().from(CAPS).durationsSeconds(List.of(5, 8)).build();
    assertThat(five8.describeDurations()).isEqualTo("5 or 8 seconds");
  }
}
