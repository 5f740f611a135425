package com.example.fal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.QueueSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** fal.ai's queue for PixVerse v4.5 image-to-video: a configuration of the queue simulator. */
public final class FalSimulator {
  public static final QueueSimulator.Settings SETTINGS =
      QueueSimulator.Settings.builder("fal")
          .submitPath("/fal-ai/pixverse/v4.5/image-to-video")
          .appPath("/fal-ai/pixverse")
          .resultAtRequestPath(true)
          .authScheme("Key")
          .errorDetailField("detail")
          .validator(FalSimulator::validate)
          .decoder(FalSimulator::decode)
          .build();

  private FalSimulator() {}

  public static QueueSimulator create(String apiKey) {
    return new QueueSimulator(SETTINGS, apiKey);
  }

  // Exactly the documented wire values: an http(s) image_url, a prompt, duration "5" or "8",
  // resolution 360p to 1080p, an integer seed, a negative_prompt text.
  static List<Map<String, Object>> validate(JsonNode body) {
    List<Map<String, Object>> errors = new ArrayList<>();
    JsonNode image = body.path("image_url");
    if (!image.isTextual() || !image.asText().matches("https?://.+")) {
      errors.add(QueueSimulator.error("image_url", "Input should be a valid URL", "url_type"));
    }
    if (!body.path("prompt").isTextual() || body.path("prompt").asText().trim().isEmpty()) {
      errors.add(QueueSimulator.missing("prompt"));
    }
    check(errors, body, "duration", Arrays.asList("5", "8"));
    check(errors, body, "resolution", Arrays.asList("360p", "540p", "720p", "1080p"));
    if (body.has("seed") && !body.get("seed").isIntegralNumber()) {
      errors.add(QueueSimulator.error("seed", "Input should be a valid integer", "int_type"));
    }
    if (body.has("negative_prompt") && !body.get("negative_prompt").isTextual()) {
      errors.add(
          QueueSimulator.error("negative_prompt", "Input should be a valid string", "string_type"));
    }
    return errors;
  }

  // What an accepted body meant: fal's names, and the duration as text ("8" is 8 seconds).
  static DecodedRequest decode(JsonNode body) {
    DecodedRequest.Builder meant =
        DecodedRequest.builder()
            .fromJson(body, "image_url", DecodedRequest.Setting.IMAGE)
            .fromJson(body, "prompt", DecodedRequest.Setting.PROMPT)
            .fromJson(body, "negative_prompt", DecodedRequest.Setting.NEGATIVE_PROMPT)
            .fromJson(body, "resolution", DecodedRequest.Setting.QUALITY)
            .fromJson(body, "seed", DecodedRequest.Setting.SEED);
    if (body.has("duration")) meant.durationSeconds(Long.parseLong(body.get("duration").asText()));
    return meant.build();
  }

  private static void check(
      List<Map<String, Object>> errors, JsonNode body, String field, List<String> allowed) {
    if (body.has(field)
        && !(body.get(field).isTextual() && allowed.contains(body.get(field).asText()))) {
      errors.add(QueueSimulator.error(field, "Input should be one of " + allowed, "enum"));
    }
  }
}
