package io.github.pixverse4j.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.client.provider.ImageHeader.Format;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHeaderTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a PNG's size comes from its IHDR chunk")
  void png() throws Exception {
    ImageHeader h = ImageHeader.read(TestImages.png(31, 17));
    assertThat(h.format()).isEqualTo(Format.PNG);
    assertThat(h.width()).isEqualTo(31);
    assertThat(h.height()).isEqualTo(17);
    assertThat(ImageHeader.read(TestImages.pngHeader(4_000_000_000L, 1)).width())
        .isEqualTo(4_000_000_000L);
  }

  @Test
  @DisplayName("a JPEG's size comes from its frame header, after any APPn segments")
  void jpeg() throws Exception {
    byte[] plain = TestImages.jpeg(40, 23);
    ImageHeader h = ImageHeader.read(plain);
    assertThat(h.format()).isEqualTo(Format.JPEG);
    assertThat(h.width()).isEqualTo(40);
    assertThat(h.height()).isEqualTo(23);

    // An EXIF-sized APP1 segment and fill bytes before the rest of the file.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(plain, 0, 2);
    b.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xF0});
    b.write(new byte[0xFFF0 - 2], 0, 0xFFF0 - 2);
    b.write(0xFF);
    b.write(plain, 2, plain.length - 2);
    Path file = dir.resolve("exif.jpg");
    Files.write(file, b.toByteArray());
    ImageHeader fromFile = ImageHeader.read(file);
    assertThat(fromFile.width()).isEqualTo(40);
    assertThat(fromFile.height()).isEqualTo(23);
  }

  @Test
  @DisplayName("WebP sizes come from the VP8, VP8L or VP8X header")
  void webp() throws Exception {
    assertThat(ImageHeader.read(TestImages.webpLossy(320, 240)).toString())
        .isEqualTo("WEBP 320x240");
    assertThat(ImageHeader.read(TestImages.webpLossless(1000, 16383)).toString())
        .isEqualTo("WEBP 1000x16383");
    assertThat(ImageHeader.read(TestImages.webpExtended(12000, 3)).toString())
        .isEqualTo("WEBP 12000x3");
  }

  @Test
  @DisplayName("other formats and truncated headers are refused with a reason")
  void refused() {
    assertThatThrownBy(() -> ImageHeader.read("GIF89a......".getBytes()))
        .hasMessageContaining("not a JPEG, PNG or WebP");
    byte[] png = TestImages.png(5, 5);
    assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(png, 20)))
        .hasMessageContaining("ends inside");
    byte[] jpeg = TestImages.jpeg(5, 5);
    assertThatThrownBy(() -> ImageHeader.read(Arrays.copyOf(jpeg, 30)))
        .hasMessageContaining("ends inside");
    assertThatThrownBy(() -> ImageHeader.read(new byte[0])).hasMessageContaining("not a JPEG");
  }

  @Test
  @DisplayName("a file is read through its header only")
  void file() throws Exception {
    Path file = dir.resolve("a.webp");
    Files.write(file, TestImages.webpLossless(7, 9));
    assertThat(ImageHeader.read(file).toString()).isEqualTo("WEBP 7x9");
    assertThatThrownBy(() -> ImageHeader.read(dir.resolve("missing.png")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  @DisplayName(
      "looksLikeImage knows the signatures of PNG, JPEG, GIF, WebP, BMP, HEIC/AVIF, and nothing"
          + " else")
  void signatures() throws Exception {
    for (byte[] image :
        new byte[][] {
          TestImages.png(3, 2),
          TestImages.jpeg(3, 2),
          TestImages.webpLossless(3, 2),
          TestImages.webpLossy(3, 2),
          TestImages.webpExtended(3, 2)
        }) {
      assertThat(ImageHeader.looksLikeImage(image, image.length)).isTrue();
      ImageHeader.read(image);
    }
    assertThat(ImageHeader.looksLikeImage("GIF89a......".getBytes("US-ASCII"), 12)).isTrue();
    assertThat(ImageHeader.looksLikeImage("BM..........".getBytes("US-ASCII"), 12)).isTrue();
    assertThat(ImageHeader.looksLikeImage("\0\0\0\u0018ftypheic".getBytes("US-ASCII"), 12))
        .isTrue();
    assertThat(ImageHeader.looksLikeImage("\0\0\0\u0018ftypavif".getBytes("US-ASCII"), 12))
        .isTrue();
    assertThat(ImageHeader.looksLikeImage("\0\0\0\u0018ftypisom".getBytes("US-ASCII"), 12))
        .as("an MP4 video has an ftyp box too, with another brand")
        .isFalse();
    assertThat(ImageHeader.looksLikeImage("hello, not a picture".getBytes("US-ASCII"), 20))
        .isFalse();
    assertThat(ImageHeader.looksLikeImage(TestImages.png(3, 2), 4))
        .as("too short to tell")
        .isFalse();
    assertThat(ImageHeader.looksLikeImage(new byte[0], -1)).isFalse();
  }
}
