package io.github.pixverse4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  @DisplayName(
      "sniff tells each format by its signature, HEIC from AVIF by the ftyp brand, and a video from"
          + " neither")
  void sniff() {
    assertThat(ImageFormat.sniff(ascii("\u0089PNG\r\n\u001a\n...."), 12))
        .isEqualTo(ImageFormat.PNG);
    assertThat(ImageFormat.sniff(ascii("\u00ff\u00d8\u00ff\u00e0"), 4)).isEqualTo(ImageFormat.JPEG);
    assertThat(ImageFormat.sniff(ascii("GIF89a......"), 12)).isEqualTo(ImageFormat.GIF);
    assertThat(ImageFormat.sniff(ascii("RIFF....WEBP"), 12)).isEqualTo(ImageFormat.WEBP);
    assertThat(ImageFormat.sniff(ascii("BM.........."), 12)).isEqualTo(ImageFormat.BMP);
    assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypheic"), 12)).isEqualTo(ImageFormat.HEIC);
    assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypmif1"), 12)).isEqualTo(ImageFormat.HEIC);
    assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypavif"), 12)).isEqualTo(ImageFormat.AVIF);
    assertThat(ImageFormat.sniff(ascii("\0\0\0\u0018ftypisom"), 12)).as("an MP4 video").isNull();
    assertThat(ImageFormat.sniff(ascii("RIFF....WAVE"), 12)).as("a WAV file").isNull();
    assertThat(ImageFormat.sniff(ascii("\u0089PNG\r\n\u001a\n"), 4))
        .as("too short to tell")
        .isNull();
    assertThat(ImageFormat.sniff(new byte[0], -1)).isNull();
  }

  @Test
  @DisplayName("describe lists the labels in a fixed order, as a sentence")
  void describe() {
    assertThat(
            ImageFormat.describe(EnumSet.of(ImageFormat.WEBP, ImageFormat.JPEG, ImageFormat.PNG)))
        .isEqualTo("JPEG, PNG or WebP");
    assertThat(ImageFormat.describe(EnumSet.of(ImageFormat.PNG))).isEqualTo("PNG");
    assertThat(ImageFormat.describe(EnumSet.allOf(ImageFormat.class)))
        .isEqualTo("JPEG, PNG, WebP, GIF, BMP, HEIC or AVIF");
  }
}
