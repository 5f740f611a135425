package io.github.pixverse4j.odirouter.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Literals;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.QueueSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OdiRouter queue API for PixVerse V6 image-to-video (fal's queue protocol), written from
 * OdiRouter's pixverse_v6_i2v page and fal's queue documentation: a configuration of {@link
 * QueueSimulator}.
 *
 * <p>Base path {@code /model}; {@code Authorization: Bearer <key>}, else 401 {@code {"detail":…}}.
 * Endpoints: {@code submit} ({@code POST /v1/queue/pixverse_v6_i2v}), {@code status} ({@code GET
 * …/requests/{id}/status}, {@code ?logs=1} adds {@code logs}), {@code result} ({@code GET
 * …/requests/{id}/response}) and {@code cancel} ({@code PUT …/requests/{id}/cancel}); request ids
 * start with {@code mmsu_}. The submit body is checked against the page's fields and ranges.
 */
public final class OdiRouterSimulator extends QueueSimulator {
  /** The route of the model, after the base path. */
  public static final String MODEL_PATH = "/v1/queue/pixverse_v6_i2v";

  /** OdiRouter's wire settings. */
  public static final Settings SETTINGS =
      Settings.builder("odirouter")
          .basePath("/model")
          .submitPath(MODEL_PATH)
          .authScheme("Bearer")
          .idPrefix("mmsu_")
          .validator(OdiRouterSimulator::validate)
          .build();

  private static final Set<String> QUALITIES = Literals.set("360p", "540p", "720p", "1080p");
  private static final int MAX_PROMPT = 5000;
  private static final long MAX_SEED = 2147483647L;

  public OdiRouterSimulator(String apiKey) {
    super(SETTINGS, apiKey);
  }

  /** Registers this simulator for provider {@code odirouter}. */
  public static final class Factory implements SimulatorFactory {
    @Override
    public String providerId() {
      return "odirouter";
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new OdiRouterSimulator(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"status\":\"TELEPORTING\",\"request_id\":\"mmsu_1\"}";
    }

    @Override
    public Fault insufficientCredits() {
      // OdiRouter's shared error table: 402 is the credits answer (fal-style detail text).
      return Fault.status(
          402, "{\"detail\":\"Insufficient balance: top up your account to continue\"}");
    }

    @Override
    public java.util.List<String> generateEndpoints() {
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

  @Override
  public OdiRouterSimulator start() {
    super.start();
    return this;
  }

  @Override
  public OdiRouterSimulator cancelledStatusValue(String value) {
    super.cancelledStatusValue(value);
    return this;
  }

  private static List<Map<String, Object>> validate(JsonNode body) {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(
          error(Literals.list("body"), "Input should be an object", "model_attributes_type"));
      return errors;
    }
    JsonNode image = body.get("image");
    if (image == null || image.isNull()) {
      errors.add(missing("image"));
    } else if (!image.isTextual()
        || !(image.asText().startsWith("http://") || image.asText().startsWith("https://"))) {
      errors.add(
          error(
              "image",
              "The image must be a publicly accessible HTTP/HTTPS URL",
              "value_error.url"));
    }
    JsonNode prompt = body.get("prompt");
    if (prompt == null || prompt.isNull()) {
      errors.add(missing("prompt"));
    } else if (!prompt.isTextual() || prompt.asText().trim().isEmpty()) {
      errors.add(error("prompt", "Prompt must be a non-empty string", "string_type"));
    } else if (prompt.asText().codePointCount(0, prompt.asText().length()) > MAX_PROMPT) {
      errors.add(
          error(
              "prompt",
              "String should have at most " + MAX_PROMPT + " characters",
              "string_too_long"));
    }
    JsonNode duration = body.get("duration");
    if (duration != null
        && !(duration.isIntegralNumber() && duration.asLong() >= 1 && duration.asLong() <= 15)) {
      errors.add(error("duration", "Input should be an integer between 1 and 15", "int_range"));
    }
    JsonNode quality = body.get("quality");
    if (quality != null && !(quality.isTextual() && QUALITIES.contains(quality.asText()))) {
      errors.add(error("quality", "Input should be '360p', '540p', '720p' or '1080p'", "enum"));
    }
    JsonNode seed = body.get("seed");
    if (seed != null
        && !(seed.isIntegralNumber() && seed.asLong() >= 0 && seed.asLong() <= MAX_SEED)) {
      errors.add(
          error("seed", "Input should be an integer between 0 and " + MAX_SEED, "int_range"));
    }
    for (String flag : Literals.list("generate_audio_switch", "generate_multi_clip_switch")) {
      JsonNode value = body.get(flag);
      if (value != null && !value.isBoolean()) {
        errors.add(error(flag, "Input should be a valid boolean", "bool_type"));
      }
    }
    return errors;
  }
}
