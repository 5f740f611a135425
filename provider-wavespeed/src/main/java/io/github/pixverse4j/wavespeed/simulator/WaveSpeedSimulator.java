package io.github.pixverse4j.wavespeed.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.poll.simulator.PollSimulators;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Literals;
import io.github.pixverse4j.simulator.PollSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.github.pixverse4j.wavespeed.WaveSpeed;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * WaveSpeed's prediction API for PixVerse V6 image-to-video: a {@link PollSimulator} made from
 * {@link WaveSpeed#PROTOCOL}, answers wrapped in {@code {"code":200,"message":"success","data":…}},
 * a failed moderated prediction with {@code has_nsfw_contents: [true]}, the submit body checked
 * against the fields and values WaveSpeed's pages document (anything else is refused with 400).
 */
public final class WaveSpeedSimulator {
  /** WaveSpeed's wire settings. */
  public static final PollSimulator.Settings SETTINGS =
      PollSimulators.settings(WaveSpeed.PROTOCOL)
          .constant("/code", 200)
          .constant("/message", "success")
          .constant("/data/model", WaveSpeed.MODEL)
          .moderation("/data/has_nsfw_contents", Literals.list(true))
          .validator(WaveSpeedSimulator::validate)
          .decoder(WaveSpeedSimulator::decode)
          .build();

  private static final Set<String> FIELDS =
      Literals.set(
          "image",
          "prompt",
          "resolution",
          "duration",
          "generate_audio_switch",
          "generate_multi_clip_switch",
          "thinking_type");
  private static final Set<String> RESOLUTIONS = Literals.set("360p", "540p", "720p", "1080p");
  private static final Set<String> THINKING = Literals.set("auto", "enabled", "disabled");

  private WaveSpeedSimulator() {}

  /** A simulator accepting {@code apiKey}, not yet started. */
  public static PollSimulator create(String apiKey) {
    return new PollSimulator(SETTINGS, apiKey);
  }

  static List<String> validate(JsonNode body) {
    List<String> problems = new ArrayList<>();
    if (!body.isObject()) return Literals.list("body: must be a JSON object");
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) problems.add(name + ": unknown parameter");
    }
    JsonNode image = body.path("image");
    if (!image.isTextual() || !image.asText().matches("https?://.+")) {
      problems.add("image: must be an http(s) URL");
    }
    JsonNode prompt = body.path("prompt");
    if (!prompt.isTextual() || prompt.asText().trim().isEmpty()) {
      problems.add("prompt: is required");
    } else if (prompt.asText().codePointCount(0, prompt.asText().length()) > 2048) {
      problems.add("prompt: at most 2048 characters");
    }
    if (body.has("resolution") && !RESOLUTIONS.contains(body.get("resolution").asText(""))) {
      problems.add("resolution: must be one of " + RESOLUTIONS);
    }
    JsonNode duration = body.path("duration");
    if (body.has("duration")
        && !(duration.isIntegralNumber() && duration.asLong() >= 1 && duration.asLong() <= 15)) {
      problems.add("duration: must be an integer from 1 to 15");
    }
    for (String flag : Literals.list("generate_audio_switch", "generate_multi_clip_switch")) {
      if (body.has(flag) && !body.get(flag).isBoolean()) problems.add(flag + ": must be a boolean");
    }
    if (body.has("thinking_type") && !THINKING.contains(body.get("thinking_type").asText(""))) {
      problems.add("thinking_type: must be one of " + THINKING);
    }
    return problems;
  }

  // What an accepted body meant, in the library's terms.
  static DecodedRequest decode(JsonNode body) {
    return DecodedRequest.builder()
        .fromJson(body, "image", DecodedRequest.Setting.IMAGE)
        .fromJson(body, "prompt", DecodedRequest.Setting.PROMPT)
        .fromJson(body, "resolution", DecodedRequest.Setting.QUALITY)
        .fromJson(body, "duration", DecodedRequest.Setting.DURATION_SECONDS)
        .fromJson(body, "generate_audio_switch", DecodedRequest.Setting.AUDIO)
        .fromJson(body, "generate_multi_clip_switch", DecodedRequest.Setting.MULTI_CLIP)
        .fromJson(body, "thinking_type", DecodedRequest.Setting.THINKING_TYPE)
        .build();
  }

  /** Registers this simulator for provider {@code wavespeed}. */
  public static final class Factory implements SimulatorFactory {
    @Override
    public String providerId() {
      return WaveSpeed.PROVIDER_ID;
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return WaveSpeedSimulator.create(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"code\":200,\"message\":\"success\",\"data\":{\"id\":\"1\",\"status\":\"teleporting\"}}";
    }

    @Override
    public Fault insufficientCredits() {
      // WaveSpeed's REST page lists 403 for account issues; the wording is assumed.
      return Fault.status(
          403, "{\"code\":403,\"message\":\"Insufficient balance: top up your account\"}");
    }

    @Override
    public List<String> generateEndpoints() {
      return Literals.list("submit", "status");
    }

    @Override
    public String credentialHeader() {
      return "Authorization";
    }

    @Override
    public boolean reportsCancellation() {
      return false;
    }
  }
}
