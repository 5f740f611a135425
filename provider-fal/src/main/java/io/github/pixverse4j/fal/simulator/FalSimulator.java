package io.github.pixverse4j.fal.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.fal.Fal;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Literals;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.QueueSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fal.ai's queue for PixVerse V6 image-to-video: a configuration of {@link QueueSimulator} (submit
 * at {@code /fal-ai/pixverse/v6/image-to-video}, status, result and cancel under {@code
 * /fal-ai/pixverse/requests/{id}}, {@code Authorization: Key <key>}), the submit body checked
 * against the fields and values fal's pages document; anything else is a 422 detail list.
 */
public final class FalSimulator {
  /** fal's wire settings. */
  public static final QueueSimulator.Settings SETTINGS =
      QueueSimulator.Settings.builder(Fal.PROVIDER_ID)
          .submitPath("/" + Fal.MODEL)
          .appPath("/fal-ai/pixverse")
          .resultAtRequestPath(true)
          .authScheme("Key")
          .validator(FalSimulator::validate)
          .decoder(FalSimulator::decode)
          .build();

  private static final Set<String> FIELDS =
      Literals.set(
          "image_url",
          "prompt",
          "negative_prompt",
          "resolution",
          "duration",
          "seed",
          "generate_audio_switch");
  private static final Set<String> RESOLUTIONS = Literals.set("360p", "540p", "720p", "1080p");

  private FalSimulator() {}

  /** A simulator accepting {@code apiKey}, not yet started. */
  public static QueueSimulator create(String apiKey) {
    return new QueueSimulator(SETTINGS, apiKey);
  }

  static List<Map<String, Object>> validate(JsonNode body) {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(
          QueueSimulator.error(
              Literals.list("body"), "Input should be an object", "model_attributes_type"));
      return errors;
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        errors.add(QueueSimulator.error(name, "Extra inputs are not permitted", "extra_forbidden"));
      }
    }
    JsonNode image = body.path("image_url");
    if (!image.isTextual() || !image.asText().matches("https?://.+")) {
      errors.add(QueueSimulator.error("image_url", "Input should be a valid URL", "url_type"));
    }
    JsonNode prompt = body.path("prompt");
    if (!prompt.isTextual() || prompt.asText().trim().isEmpty()) {
      errors.add(QueueSimulator.missing("prompt"));
    } else if (prompt.asText().codePointCount(0, prompt.asText().length()) > 2048) {
      errors.add(
          QueueSimulator.error(
              "prompt", "String should have at most 2048 characters", "string_too_long"));
    }
    if (body.has("negative_prompt") && !body.get("negative_prompt").isTextual()) {
      errors.add(
          QueueSimulator.error("negative_prompt", "Input should be a valid string", "string_type"));
    }
    if (body.has("resolution") && !RESOLUTIONS.contains(body.get("resolution").asText(""))) {
      errors.add(
          QueueSimulator.error("resolution", "Input should be one of " + RESOLUTIONS, "enum"));
    }
    JsonNode duration = body.path("duration");
    if (body.has("duration")
        && !(duration.isIntegralNumber() && duration.asLong() >= 1 && duration.asLong() <= 15)) {
      errors.add(
          QueueSimulator.error(
              "duration", "Input should be an integer between 1 and 15", "int_range"));
    }
    if (body.has("seed") && !body.get("seed").isIntegralNumber()) {
      errors.add(QueueSimulator.error("seed", "Input should be a valid integer", "int_type"));
    }
    if (body.has("generate_audio_switch") && !body.get("generate_audio_switch").isBoolean()) {
      errors.add(
          QueueSimulator.error(
              "generate_audio_switch", "Input should be a valid boolean", "bool_type"));
    }
    return errors;
  }

  // What an accepted body meant: fal's names, the duration an integer of seconds on V6.
  static DecodedRequest decode(JsonNode body) {
    return DecodedRequest.builder()
        .fromJson(body, "image_url", DecodedRequest.Setting.IMAGE)
        .fromJson(body, "prompt", DecodedRequest.Setting.PROMPT)
        .fromJson(body, "negative_prompt", DecodedRequest.Setting.NEGATIVE_PROMPT)
        .fromJson(body, "resolution", DecodedRequest.Setting.QUALITY)
        .fromJson(body, "duration", DecodedRequest.Setting.DURATION_SECONDS)
        .fromJson(body, "seed", DecodedRequest.Setting.SEED)
        .fromJson(body, "generate_audio_switch", DecodedRequest.Setting.AUDIO)
        .build();
  }

  /** Registers this simulator for provider {@code fal}. */
  public static final class Factory implements SimulatorFactory {
    @Override
    public String providerId() {
      return Fal.PROVIDER_ID;
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return FalSimulator.create(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"status\":\"TELEPORTING\",\"request_id\":\"req_1\"}";
    }

    @Override
    public Fault insufficientCredits() {
      // fal's queue answers an account without balance with a detail text (wording assumed).
      return Fault.status(
          402, "{\"detail\":\"Insufficient balance: top up your account to continue\"}");
    }

    @Override
    public List<String> generateEndpoints() {
      return Literals.list("submit", "status", "result");
    }

    @Override
    public String credentialHeader() {
      return "Authorization";
    }

    @Override
    public boolean reportsCancellation() {
      return true;
    }
  }
}
