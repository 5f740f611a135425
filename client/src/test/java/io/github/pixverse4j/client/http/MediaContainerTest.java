package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaContainerTest {
  /** The first 24 bytes of an MP4 file: an {@code ftyp} box (isom, mp41). */
  static final byte[] MP4_HEAD = {
    0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
    '4', '1'
  };

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void recognisesVideoContainers() {
    assertThat(MediaContainer.recognised(MP4_HEAD)).isTrue();
    assertThat(MediaContainer.recognised(ascii("\0\0\0\u0008moov"))).as("old QuickTime").isTrue();
    assertThat(MediaContainer.recognised(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1}))
        .as("WebM/Matroska")
        .isTrue();
    assertThat(MediaContainer.recognised(ascii("OggS\0\2"))).isTrue();
    assertThat(MediaContainer.recognised(ascii("RIFF\1\2\3\4AVI LIST"))).isTrue();
    assertThat(MediaContainer.recognised(ascii("FLV\1\5"))).isTrue();
    byte[] ts = new byte[189];
    ts[0] = 0x47;
    ts[188] = 0x47;
    assertThat(MediaContainer.recognised(ts)).as("MPEG-TS").isTrue();
    assertThat(MediaContainer.recognised(new byte[] {0, 0, 1, (byte) 0xBA})).as("MPEG-PS").isTrue();
  }

  @Test
  void refusesPagesAndShortBodies() {
    assertThat(MediaContainer.recognised(ascii("<!DOCTYPE html><html>"))).isFalse();
    assertThat(MediaContainer.recognised(ascii("{\"error\":\"expired\"}"))).isFalse();
    assertThat(MediaContainer.recognised(ascii("<?xml version=\"1.0\"?><Error/>"))).isFalse();
    assertThat(MediaContainer.recognised(ascii("\0\0\0\u0018fty")))
        .as("cut inside the box type")
        .isFalse();
    assertThat(MediaContainer.recognised(new byte[0])).isFalse();
  }

  @Test
  void onlyUnknownVideoTypesAreTrusted() {
    assertThat(MediaContainer.uncheckableVideoType("video/x-rare-codec")).isTrue();
    assertThat(MediaContainer.uncheckableVideoType("Video/X-Rare; codecs=x")).isTrue();
    for (String t :
        new String[] {
          null,
          "",
          "video/",
          "video/mp4",
          "video/MP4; codecs=\"avc1\"",
          "video/webm",
          "video/quicktime",
          "application/octet-stream",
          "text/html",
          "image/png"
        }) {
      assertThat(MediaContainer.uncheckableVideoType(t)).as(String.valueOf(t)).isFalse();
    }
  }

  @Test
  void describesPrintably() {
    assertThat(MediaContainer.describe(MP4_HEAD)).isEqualTo("....ftypisom....");
    assertThat(MediaContainer.describe(ascii("<html>\n\u001b[31m"))).isEqualTo("<html>..[31m");
  }
}
