package io.github.pixverse4j.pixverse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.client.internal.Json;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The documentation's JSON examples (src/test/resources/pixverse/) read into the wire types. */
class PixVerseFixturesTest {
  private static final ObjectMapper MAPPER = Json.mapper();

  private static <T> T read(String name, TypeReference<T> type) throws Exception {
    try (InputStream in = PixVerseFixturesTest.class.getResourceAsStream("/pixverse/" + name)) {
      assertThat(in).as(name).isNotNull();
      return MAPPER.readValue(in, type);
    }
  }

  @Test
  @DisplayName("generate answer (doc example): video_id as a number")
  void generate() throws Exception {
    PixVerseResponse<PixVerseSubmitResponse> r =
        read(
            "generate-response.json",
            new TypeReference<PixVerseResponse<PixVerseSubmitResponse>>() {});
    assertThat(r.errCode()).isZero();
    assertThat(r.errMsg()).isEqualTo("success");
    assertThat(r.resp().videoId()).isEqualTo("0");
  }

  @Test
  @DisplayName("generate answer through a relay: video_id as a string, extra request_id ignored")
  void generateRelay() throws Exception {
    PixVerseResponse<PixVerseSubmitResponse> r =
        read(
            "generate-response-relay.json",
            new TypeReference<PixVerseResponse<PixVerseSubmitResponse>>() {});
    assertThat(r.resp().videoId()).isEqualTo("4-WandVideo-4ba31a7d508249b787fa0b0c62a6a399");
  }

  @Test
  @DisplayName("error envelope: ErrCode 400017 with Resp null")
  void error() throws Exception {
    PixVerseResponse<PixVerseSubmitResponse> r =
        read(
            "error-invalid-param.json",
            new TypeReference<PixVerseResponse<PixVerseSubmitResponse>>() {});
    assertThat(r.errCode()).isEqualTo(400017L);
    assertThat(r.errMsg()).isEqualTo("invalid param");
    assertThat(r.resp()).isNull();
  }

  @Test
  @DisplayName("upload moderation refusal: the lower-case envelope")
  void uploadModerated() throws Exception {
    PixVerseResponse<PixVerseUploadResponse> r =
        read(
            "upload-moderated.json",
            new TypeReference<PixVerseResponse<PixVerseUploadResponse>>() {});
    assertThat(r.errCode()).isEqualTo(500052L);
    assertThat(r.errMsg()).isNotBlank();
    assertThat(r.resp()).isNull();
  }

  @Test
  @DisplayName("upload answer: img_id and img_url")
  void upload() throws Exception {
    PixVerseResponse<PixVerseUploadResponse> r =
        read(
            "upload-response.json",
            new TypeReference<PixVerseResponse<PixVerseUploadResponse>>() {});
    assertThat(r.resp().imgId()).isEqualTo("0");
    assertThat(r.resp().imgUrl()).isEqualTo("string");
  }

  @Test
  @DisplayName(
      "result answers (doc examples): generating (5) and success (1) with every documented field")
  void result() throws Exception {
    PixVerseStatusResponse running =
        read(
                "result-generating.json",
                new TypeReference<PixVerseResponse<PixVerseStatusResponse>>() {})
            .resp();
    assertThat(running.status()).isEqualTo(5);
    PixVerseStatusResponse done =
        read(
                "result-success.json",
                new TypeReference<PixVerseResponse<PixVerseStatusResponse>>() {})
            .resp();
    assertThat(done.status()).isEqualTo(1);
    assertThat(done.id()).isEqualTo("0");
    assertThat(done.url()).isEqualTo("string");
    assertThat(done.outputWidth()).isZero();
    assertThat(done.outputHeight()).isZero();
    assertThat(done.seed()).isZero();
    assertThat(done.size()).isZero();
    assertThat(done.createTime()).isEqualTo("string");
  }

  @Test
  @DisplayName("the generate body serializes without the unset optional fields")
  void bodyOmitsUnset() throws Exception {
    String json =
        MAPPER.writeValueAsString(
            PixVerseSubmitBody.builder()
                .imgId(1)
                .prompt("p")
                .model("v4.5")
                .duration(5)
                .quality("540p")
                .build());
    assertThat(json)
        .isEqualTo(
            "{\"img_id\":1,\"prompt\":\"p\",\"model\":\"v4.5\",\"duration\":5,\"quality\":\"540p\"}");
  }
}
