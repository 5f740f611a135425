package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendVideoRequestTest {
  /** The first bytes of an MP4 file: a box size, then {@code ftyp} and a brand. */
  static final byte[] MP4 = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};

  static final byte[] WEBM = {
    0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x86, (byte) 0x81
  };
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};

  private static final ProviderCapabilities CAPS =
      ProviderCapabilities.builder()
          .providerId("pixverse")
          .model("v4.5")
          .maxPromptLength(10)
          .addDurationsSeconds(5, 8)
          .addQualities(Quality.P540, Quality.P1080)
          .addImageKinds(ImageInput.Kind.FILE)
          .supportsSeed(true)
          .addExtendSourceKinds(VideoSource.Kind.values())
          .maxExtendVideoBytes(20L)
          .addConstraints(
              Constraint.of(
                  "1080p has no 8 s",
                  r ->
                      r.quality().filter(q -> q == Quality.P1080).isPresent()
                              && r.durationSeconds().orElse(0L) == 8
                          ? Optional.of(
                              Violation.of("duration", "5 s at 1080p", "8 s", "1080p has no 8 s."))
                          : Optional.empty()))
          .build();

  private static final ProviderCapabilities NO_EXTEND =
      ProviderCapabilities.builder()
          .providerId("gmi")
          .model("pixverse-v6-i2v")
          .maxPromptLength(10)
          .addImageKinds(ImageInput.Kind.URL)
          .build();

  private static ExtendVideoRequest.Builder extend(VideoSource source) {
    return ExtendVideoRequest.builder().source(source).prompt("walk on");
  }

  @Test
  @DisplayName("valid sources of every kind pass; a provider extends only when it says so")
  void valid(@TempDir Path dir) throws Exception {
    Path mp4 = Files.write(dir.resolve("clip.bin"), MP4);
    assertThat(CAPS.supportsExtend()).isTrue();
    assertThat(NO_EXTEND.supportsExtend()).isFalse();
    assertThat(CAPS.validate(extend(VideoSource.file(mp4)).durationSeconds(5).build())).isEmpty();
    assertThat(CAPS.validate(extend(VideoSource.bytes(WEBM)).build())).isEmpty();
    assertThat(CAPS.validate(extend(VideoSource.url("https://example.com/a.mp4")).build()))
        .isEmpty();
    assertThat(CAPS.validate(extend(VideoSource.providerMediaId(Long.MAX_VALUE)).build()))
        .isEmpty();
    assertThat(
            CAPS.validate(extend(VideoSource.task(TaskHandle.of("pixverse", "v4.5", "1"))).build()))
        .isEmpty();
  }

  @Test
  @DisplayName(
      "every problem at once: settings by the model's rules, a video by its bytes, its size")
  void allProblems(@TempDir Path dir) throws Exception {
    Path png = Files.write(dir.resolve("clip.mp4"), PNG);
    ExtendVideoRequest r =
        extend(VideoSource.file(png))
            .prompt("this prompt is too long")
            .durationSeconds(8)
            .quality(Quality.P1080)
            .seed(ProviderCapabilities.MAX_SEED + 1)
            .build();
    List<Violation> v = CAPS.validate(r);
    assertThat(v)
        .extracting(Violation::field)
        .containsExactly("prompt", "seed", "duration", "source");
    assertThat(v.get(3).message()).contains("clip.mp4", "not an MP4, QuickTime or WebM");

    byte[] big = new byte[21];
    System.arraycopy(MP4, 0, big, 0, MP4.length);
    assertThat(CAPS.validate(extend(VideoSource.bytes(big)).build()))
        .extracting(Violation::message)
        .containsExactly("The video bytes has 21 bytes; the limit for pixverse is 20 bytes.");
  }

  @Test
  @DisplayName(
      "a missing file, a handle of another provider, a provider without extend are refused")
  void refusedSources(@TempDir Path dir) {
    assertThat(CAPS.validate(extend(VideoSource.file(dir.resolve("nope.mp4"))).build()))
        .extracting(Violation::message)
        .containsExactly("The video file nope.mp4 does not exist or is not a regular file.");
    assertThat(CAPS.validate(extend(VideoSource.task(TaskHandle.of("gmi", "m", "t"))).build()))
        .extracting(Violation::message)
        .singleElement()
        .asString()
        .contains("belongs to provider 'gmi'", "pixverse can only extend its own videos");
    assertThatThrownBy(
            () ->
                NO_EXTEND.requireValid(
                    extend(VideoSource.url("https://example.com/a.mp4")).build()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("gmi does not extend videos");
  }

  @Test
  @DisplayName("sources: only http(s) URLs, no negative media ids, ids beyond 2^53 exact")
  void sources() {
    assertThatThrownBy(() -> VideoSource.url("file:///etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VideoSource.providerMediaId(-1))
        .isInstanceOf(IllegalArgumentException.class);
    long big = (1L << 53) + 1;
    assertThat(VideoSource.providerMediaId(big).providerMediaId()).isEqualTo(big);
    byte[] b = MP4.clone();
    VideoSource s = VideoSource.bytes(b);
    b[4] = 'x';
    assertThat(s.bytes()).isEqualTo(MP4);
  }
}
