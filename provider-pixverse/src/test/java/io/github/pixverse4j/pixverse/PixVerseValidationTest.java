package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.provider.TestImages;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Limits checked before anything is sent, local images included. */
class PixVerseValidationTest {
  private static final ProviderCapabilities CAPS =
      PixVerseCapabilities.forModel(PixVerse.DEFAULT_MODEL);

  @TempDir Path dir;

  private static ImageToVideoRequest.Builder request() {
    return ImageToVideoRequest.builder()
        .image(ImageInput.url("https://example.com/cat.png"))
        .prompt("a cat");
  }

  private static List<String> fields(ImageToVideoRequest r) {
    return CAPS.validate(r).stream().map(Violation::field).collect(Collectors.toList());
  }

  private static String messages(ImageToVideoRequest r) {
    return CAPS.validate(r).stream().map(Violation::message).collect(Collectors.joining(" | "));
  }

  @Test
  @DisplayName("the documented settings are accepted, alone and combined")
  void valid() {
    assertThat(CAPS.validate(request().build())).isEmpty();
    assertThat(
            CAPS.validate(
                request()
                    .durationSeconds(8)
                    .quality(Quality.P720)
                    .motionMode(MotionMode.NORMAL)
                    .negativePrompt("x")
                    .seed(0L)
                    .style("clay")
                    .templateId("123")
                    .model(Model.V3_5)
                    .build()))
        .isEmpty();
    assertThat(CAPS.validate(request().quality(Quality.P1080).build())).isEmpty();
    assertThat(CAPS.validate(request().motionMode(MotionMode.FAST).quality(Quality.P720).build()))
        .isEmpty();
    assertThat(CAPS.validate(request().image(ImageInput.providerImageId("123456")).build()))
        .isEmpty();
  }

  @Test
  @DisplayName("8 seconds at 1080p, fast with 8 seconds, and fast at 1080p are each refused")
  void crossFieldRules() {
    assertThat(fields(request().durationSeconds(8).quality(Quality.P1080).build()))
        .containsExactly("duration");
    assertThat(fields(request().durationSeconds(8).motionMode(MotionMode.FAST).build()))
        .containsExactly("motionMode");
    assertThat(fields(request().quality(Quality.P1080).motionMode(MotionMode.FAST).build()))
        .containsExactly("motionMode");
    assertThat(
            fields(
                request()
                    .durationSeconds(8)
                    .quality(Quality.P1080)
                    .motionMode(MotionMode.FAST)
                    .build()))
        .containsExactly("duration", "motionMode", "motionMode");
  }

  @Test
  @DisplayName("styles, models and ids outside the documented ones are refused")
  void values() {
    assertThat(fields(request().style("watercolor").build())).containsExactly("style");
    assertThat(fields(request().model(Model.V6).build())).containsExactly("model");
    assertThat(fields(request().templateId("effect-1").build())).containsExactly("templateId");
    assertThat(fields(request().image(ImageInput.providerImageId("img-abc")).build()))
        .containsExactly("image");
    assertThat(
            fields(request().negativePrompt(new String(new char[2049]).replace('\0', 'n')).build()))
        .containsExactly("negativePrompt");
    assertThat(
            fields(
                request()
                    .audio(true)
                    .fastMode(true)
                    .cfgScale(0.5)
                    .multiClip(true)
                    .thinkingType("auto")
                    .build()))
        .containsExactlyInAnyOrder("audio", "fastMode", "cfgScale", "multiClip", "thinkingType");
  }

  @Test
  @DisplayName("local files: JPEG, PNG and WebP within the limits pass")
  void goodFiles() throws Exception {
    for (byte[] image :
        List.of(
            TestImages.jpeg(10, 10),
            TestImages.png(10, 10),
            TestImages.webpExtended(10000, 10000))) {
      Path f = Files.write(dir.resolve("img-" + image.length), image);
      assertThat(CAPS.validate(request().image(ImageInput.file(f)).build())).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "local files: a missing file, another format, more than 10000 px a side, and 20 MB or more"
          + " are refused")
  void badFiles() throws Exception {
    assertThat(messages(request().image(ImageInput.file(dir.resolve("nope.png"))).build()))
        .contains("nope.png")
        .contains("does not exist");
    Path gif = Files.write(dir.resolve("a.gif"), "GIF89a-----------".getBytes());
    assertThat(messages(request().image(ImageInput.file(gif)).build()))
        .contains("JPEG, PNG and WebP");
    Path wide = Files.write(dir.resolve("wide.png"), TestImages.pngHeader(10001, 20));
    assertThat(messages(request().image(ImageInput.file(wide)).build()))
        .contains("10001x20")
        .contains("10000");
    Path big = dir.resolve("big.png");
    Files.write(big, TestImages.png(4, 4));
    try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(20L * 1024 * 1024);
    }
    assertThat(messages(request().image(ImageInput.file(big)).build())).contains("20 MB");
    assertThat(messages(request().image(ImageInput.file(dir)).build()))
        .contains("not a regular file");
  }

  @Test
  @DisplayName("in-memory images get the same format and size checks")
  void badBytes() {
    assertThat(
            messages(
                request().image(ImageInput.bytes("not an image".getBytes(), "image/png")).build()))
        .contains("JPEG, PNG and WebP");
    assertThat(
            messages(
                request()
                    .image(ImageInput.bytes(TestImages.webpLossless(16000, 2), "image/webp"))
                    .build()))
        .contains("16000x2");
  }

  @Test
  @DisplayName(
      "every violation is reported at once and nothing reaches the server, not even the upload")
  void nothingSent() throws Exception {
    Path wide = Files.write(dir.resolve("wide.jpg"), TestImages.pngHeader(20000, 20000));
    try (PixVerseSimulator sim = new PixVerseSimulator("k").start()) {
      VideoClient client = PixVerse.builder().apiKey("k").baseUrl(sim.baseUrl()).build();
      ImageToVideoRequest bad =
          request()
              .image(ImageInput.file(wide))
              .durationSeconds(8)
              .quality(Quality.P1080)
              .style("oil")
              .build();
      Throwable e =
          org.assertj.core.api.Assertions.catchThrowable(() -> client.generate(bad).blockingLast());
      assertThat(e).isInstanceOf(InvalidRequestException.class);
      assertThat(((InvalidRequestException) e).violations())
          .extracting(Violation::field)
          .containsExactlyInAnyOrder("image", "duration", "style");
      assertThat(sim.requests()).isEmpty();
    }
  }

  @Test
  @DisplayName("the capabilities say what the API reference says")
  void declared() {
    assertThat(CAPS.providerId()).isEqualTo("pixverse");
    assertThat(CAPS.model()).isEqualTo("v4.5");
    assertThat(CAPS.maxPromptLength()).isEqualTo(2048);
    assertThat(CAPS.durationsSeconds()).containsExactly(5, 8);
    assertThat(CAPS.defaultDurationSeconds()).hasValue(5);
    assertThat(CAPS.defaultQuality()).hasValue(Quality.P540);
    assertThat(CAPS.qualities()).containsExactlyInAnyOrder(Quality.values());
    assertThat(CAPS.imageKinds()).containsExactlyInAnyOrder(ImageInput.Kind.values());
    assertThat(CAPS.styles())
        .containsExactlyInAnyOrder("anime", "3d_animation", "clay", "comic", "cyberpunk");
    assertThat(CAPS.supportsCancel()).isFalse();
    assertThat(CAPS.supportsSeed()).isTrue();
    assertThat(CAPS.supportsTemplateId()).isTrue();
  }
}
