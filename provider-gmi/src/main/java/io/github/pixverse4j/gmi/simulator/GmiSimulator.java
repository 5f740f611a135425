package io.github.pixverse4j.gmi.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.DecodedRequest.Setting;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.JobPhase;
import io.github.pixverse4j.simulator.JobState;
import io.github.pixverse4j.simulator.Literals;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.Routes;
import io.github.pixverse4j.simulator.SimJob;
import io.github.pixverse4j.simulator.SimRequest;
import io.github.pixverse4j.simulator.SimResponse;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GMI Cloud's request queue ({@code /api/v1/ie/requestqueue/apikey}), written from GMI's
 * pixverse-v6-i2v page and its wider request-queue documentation.
 *
 * <ul>
 *   <li>{@code POST /requests} (endpoint {@code "submit"}): {@code {model, payload}}, validated as
 *       the page describes; answers {@code {request_id, model, status: "queued", created_at,
 *       updated_at, queued_at}}.
 *   <li>{@code GET /requests/{id}} (endpoint {@code "status"}): {@code {request_id, model, status,
 *       outcome, error?, created_at, updated_at}}. A running job reads {@code dispatched} the first
 *       time, then {@code processing}. Success puts the video in {@code outcome.media_urls} (or,
 *       after {@link #videoUrlOnly(boolean) videoUrlOnly(true)}, in the older {@code
 *       outcome.video_url}); a failure fills the top-level {@code error} and {@code outcome.error},
 *       {@code error_code}, {@code error_source}, the shape seen in GMI clients; moderation uses
 *       code {@value #MODERATION_CODE}. An expired job answers 404.
 *   <li>{@code GET /models} (endpoint {@code "models"}): {@code {model_ids: [...]}}.
 * </ul>
 *
 * <p>Every route needs {@code Authorization: Bearer <key>}, else 401 JSON. Errors are JSON {@code
 * {"error": "..."}}: GMI does not document its error body, and this is what clients read. GMI has
 * no cancel endpoint. For the 429 and 503 ("Upstream capacity temporarily exhausted") bursts GMI
 * shows under load, use {@link #rateLimited()}, {@link #capacityExhausted()} and {@link #burst}.
 *
 * <p>Assumptions, stricter than the page: {@code duration} and {@code quality} are required (the
 * page marks them required but also gives defaults) and unknown payload fields are refused, so a
 * client that leaves out a required field or sends one GMI does not know is caught.
 */
public final class GmiSimulator extends ProviderSimulator {
  /** The model this simulator runs. */
  public static final String MODEL = "pixverse-v6-i2v";

  /** {@code outcome.error_code} of a job refused by content moderation. */
  public static final String MODERATION_CODE = "CONTENT_MODERATION";

  /** {@code outcome.error_code} of any other failed job. */
  public static final String FAILURE_CODE = "GENERATION_FAILED";

  private static final int MAX_PROMPT = 5000;
  private static final long MAX_SEED = 2147483647L;
  private static final List<String> QUALITIES = Literals.list("360p", "540p", "720p", "1080p");
  private static final Set<String> PAYLOAD_FIELDS =
      Literals.set(
          "prompt",
          "image",
          "duration",
          "quality",
          "generate_audio_switch",
          "generate_multi_clip_switch",
          "seed");

  private final Set<String> dispatched = ConcurrentHashMap.newKeySet();
  private volatile List<String> modelIds = Literals.list(MODEL);
  private volatile boolean videoUrlOnly;

  public GmiSimulator(String apiKey) {
    super("gmi", apiKey);
  }

  /** Registers this simulator for provider {@code gmi}. */
  public static final class Factory implements SimulatorFactory {
    @Override
    public String providerId() {
      return "gmi";
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new GmiSimulator(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"request_id\":\"8fbb88gd-cd78-5132-0g2c-07c4ge944225\",\"model\":\""
          + MODEL
          + "\","
          + "\"status\":\"teleporting\",\"outcome\":null}";
    }

    @Override
    public Fault insufficientCredits() {
      // GMI reports an exhausted balance as a 400 whose message says so (provider-gmi README).
      return Fault.status(
          400,
          "{\"error\":{\"message\":\"insufficient balance\",\"code\":\"INSUFFICIENT_BALANCE\"}}");
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
      return true;
    }
  }

  @Override
  public GmiSimulator start() {
    super.start();
    return this;
  }

  /** A 429 with GMI-style JSON and {@code Retry-After: 1}. */
  public static Fault rateLimited() {
    return Fault.status(429, "{\"error\":\"Rate limit exceeded, please retry later\"}")
        .withHeader("Retry-After", "1");
  }

  /** The 503 GMI answers when its upstream has no capacity, without {@code Retry-After}. */
  public static Fault capacityExhausted() {
    return Fault.status(503, "{\"error\":\"Upstream capacity temporarily exhausted\"}");
  }

  /**
   * Makes {@code count} calls to {@code endpoint}, from call number {@code fromCall} on, answer
   * {@code fault}; the calls after them are served normally.
   */
  public GmiSimulator burst(String endpoint, int fromCall, int count, Fault fault) {
    if (count < 1) throw new IllegalArgumentException("count must be >= 1: " + count);
    Fault[] faults = new Fault[count];
    Arrays.fill(faults, fault);
    faults().on(endpoint).call(fromCall).respond(faults);
    return this;
  }

  /** Puts a success's video in {@code outcome.video_url} instead of {@code outcome.media_urls}. */
  public GmiSimulator videoUrlOnly(boolean videoUrlOnly) {
    this.videoUrlOnly = videoUrlOnly;
    return this;
  }

  /** Replaces what {@code GET /models} lists (by default only {@value #MODEL}). */
  public GmiSimulator modelIds(String... ids) {
    this.modelIds = Literals.list(ids);
    return this;
  }

  @Override
  public void reset() {
    super.reset();
    dispatched.clear();
    videoUrlOnly = false;
  }

  @Override
  protected String basePath() {
    return "/api/v1/ie/requestqueue/apikey";
  }

  @Override
  protected void configure(Routes routes) {
    routes
        .add("POST", "/requests", "submit", this::submit)
        .add("GET", "/requests/([^/]+)", "status", this::status)
        .add("GET", "/models", "models", this::models);
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    String token = bearerToken(request);
    if (token == null) {
      return error(401, "missing Authorization: Bearer <api key>");
    }
    return apiKey().equals(token) ? null : error(401, "invalid api key");
  }

  private SimResponse submit(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return error(400, "request body must be a JSON object");
    }
    if (!body.isObject()) {
      return error(400, "request body must be a JSON object");
    }
    JsonNode model = body.get("model");
    if (model == null || !model.isTextual() || model.asText().isEmpty()) {
      return error(400, "model is required");
    }
    if (!MODEL.equals(model.asText())) {
      return error(400, "model '" + model.asText() + "' is not supported");
    }
    JsonNode payload = body.get("payload");
    if (payload == null || !payload.isObject()) {
      return error(400, "payload is required and must be an object");
    }
    String problem = validatePayload(payload);
    if (problem != null) {
      return error(400, problem);
    }
    String id = UUID.nameUUIDFromBytes(newJobId().getBytes(StandardCharsets.UTF_8)).toString();
    SimJob job = createJobWithinLimit(id, body, decode(payload));
    if (job == null) {
      return SimResponse.rawJson(429, "{\"error\":\"Rate limit exceeded, please retry later\"}")
          .withHeader("Retry-After", Integer.toString(LIMIT_RETRY_AFTER_SECONDS));
    }
    long now = nowSeconds();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("request_id", job.id());
    json.put("model", MODEL);
    json.put("status", "queued");
    json.put("created_at", now);
    json.put("updated_at", now);
    json.put("queued_at", now);
    return SimResponse.json(200, json);
  }

  /** What an accepted payload meant; {@code model} is always {@value #MODEL}, PixVerse V6. */
  private static DecodedRequest decode(JsonNode p) {
    return DecodedRequest.builder()
        .model(Model.V6)
        .fromJson(p, "prompt", Setting.PROMPT)
        .fromJson(p, "image", Setting.IMAGE)
        .fromJson(p, "duration", Setting.DURATION_SECONDS)
        .fromJson(p, "quality", Setting.QUALITY)
        .fromJson(p, "generate_audio_switch", Setting.AUDIO)
        .fromJson(p, "generate_multi_clip_switch", Setting.MULTI_CLIP)
        .fromJson(p, "seed", Setting.SEED)
        .build();
  }

  private static String validatePayload(JsonNode p) {
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = p.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PAYLOAD_FIELDS.contains(name)) problems.add("unknown field '" + name + "'");
    }
    JsonNode prompt = p.get("prompt");
    if (prompt == null || !prompt.isTextual()) {
      problems.add("prompt is required and must be a string");
    } else if (prompt.asText().codePointCount(0, prompt.asText().length()) > MAX_PROMPT) {
      problems.add("prompt must be at most " + MAX_PROMPT + " characters");
    }
    JsonNode image = p.get("image");
    if (image == null || !image.isTextual()) {
      problems.add("image is required and must be a string");
    } else if (!image.asText().startsWith("http://") && !image.asText().startsWith("https://")) {
      problems.add("image must be an http(s) URL");
    }
    JsonNode duration = p.get("duration");
    if (duration == null || !duration.isIntegralNumber()) {
      problems.add("duration is required and must be an integer");
    } else if (duration.asLong() < 1 || duration.asLong() > 15) {
      problems.add("duration must be between 1 and 15");
    }
    JsonNode quality = p.get("quality");
    if (quality == null || !quality.isTextual() || !QUALITIES.contains(quality.asText())) {
      problems.add("quality is required and must be one of " + QUALITIES);
    }
    for (String flag : Literals.list("generate_audio_switch", "generate_multi_clip_switch")) {
      JsonNode f = p.get(flag);
      if (f != null && !f.isBoolean()) problems.add(flag + " must be a boolean");
    }
    JsonNode seed = p.get("seed");
    if (seed != null
        && (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > MAX_SEED)) {
      problems.add("seed must be an integer between 0 and " + MAX_SEED);
    }
    return problems.isEmpty() ? null : "invalid payload: " + String.join("; ", problems);
  }

  private SimResponse status(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return error(404, "request not found");
    }
    JobPhase phase = job.observe();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("request_id", job.id());
    json.put("model", MODEL);
    Map<String, Object> outcome = null;
    switch (phase.state()) {
      case QUEUED:
        json.put("status", "queued");
        break;
      case RUNNING:
        json.put("status", dispatched.add(job.id()) ? "dispatched" : "processing");
        break;
      case SUCCEEDED:
        json.put("status", "success");
        outcome = new LinkedHashMap<>();
        if (videoUrlOnly) {
          outcome.put("video_url", videoUrl(job.id()));
        } else {
          Map<String, Object> media = new LinkedHashMap<>();
          media.put("id", "0");
          media.put("url", videoUrl(job.id()));
          outcome.put("media_urls", Literals.list(media));
        }
        break;
      case FAILED:
      case MODERATED:
        boolean moderated = phase.state() == JobState.MODERATED;
        json.put("status", "failed");
        json.put("error", phase.failureReason());
        outcome = new LinkedHashMap<>();
        outcome.put("error", phase.failureReason());
        outcome.put("error_code", moderated ? MODERATION_CODE : FAILURE_CODE);
        outcome.put("error_source", moderated ? "moderation" : "upstream");
        break;
      case CANCELLED:
        json.put("status", "cancelled");
        break;
      case EXPIRED:
        return error(404, "request not found");
      default:
        throw new IllegalStateException("unhandled phase " + phase);
    }
    // GMI sends outcome: null until the request has finished.
    json.put("outcome", outcome);
    json.put("created_at", job.createdAt().getEpochSecond());
    json.put("updated_at", nowSeconds());
    return SimResponse.json(200, json);
  }

  private SimResponse models(SimRequest request) {
    return SimResponse.json(200, Collections.singletonMap("model_ids", modelIds));
  }

  private long nowSeconds() {
    return clock().instant().getEpochSecond();
  }

  private static SimResponse error(int status, String message) {
    return SimResponse.json(status, Collections.singletonMap("error", message));
  }
}
