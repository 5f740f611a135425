package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OdiRouter queue API for PixVerse V6 image-to-video (fal's queue protocol), written from
 * {@code provider-docs/odirouter-pixverse_v6_i2v.txt} and PROVIDERS.md §1.
 *
 * <p>Base path {@code /model}; {@code Authorization: Bearer <key>}, else 401 {@code {"detail":…}}.
 * Endpoints: {@code submit} ({@code POST /v1/queue/pixverse_v6_i2v}), {@code status} ({@code GET
 * …/requests/{id}/status}, {@code ?logs=1} adds {@code logs}), {@code result} ({@code GET
 * …/requests/{id}/response}) and {@code cancel} ({@code PUT …/requests/{id}/cancel}).
 *
 * <p>Job states on the wire: QUEUED is {@code IN_QUEUE} with {@code queue_position}, RUNNING
 * {@code IN_PROGRESS}, SUCCEEDED / FAILED / MODERATED / EXPIRED all {@code COMPLETED} (the result
 * call tells them apart), CANCELLED {@link #cancelledStatusValue(String) CANCELLED} by default. The
 * result renders {@link SimJob#peek()}: 200 {@code {video, seed}}; FAILED 500 {@code {detail,
 * error_type}}; MODERATED 422 {@code {detail: [{loc, msg, type}], error_type}}, both with {@code
 * X-Fal-Error-Type}; EXPIRED 404; not yet complete 400 "still in progress".
 */
public final class OdiRouterSimulator extends ProviderSimulator {
  /** The route of the model, after the base path. */
  public static final String MODEL_PATH = "/v1/queue/pixverse_v6_i2v";

  /** The {@code error_type} of a MODERATED job's result. */
  public static final String MODERATION_ERROR_TYPE = "content_policy_violation";

  /** The {@code error_type} of a FAILED job's result. */
  public static final String FAILURE_ERROR_TYPE = "internal_error";

  private static final Set<String> QUALITIES = Literals.set("360p", "540p", "720p", "1080p");
  private static final int MAX_PROMPT = 5000;
  private static final long MAX_SEED = 2147483647L;

  private volatile String cancelledStatus = "CANCELLED";

  public OdiRouterSimulator(String apiKey) {
    super("odirouter", apiKey);
  }

  /** Registers this simulator for provider {@code odirouter}. */
  public static final class Factory implements SimulatorFactory {
    @Override public String providerId() {
      return "odirouter";
    }

    @Override public ProviderSimulator create(String apiKey) {
      return new OdiRouterSimulator(apiKey);
    }

    @Override public String unknownStatusBody() {
      return "{\"status\":\"TELEPORTING\",\"request_id\":\"mmsu_1\"}";
    }

    @Override public Fault insufficientCredits() {
      // OdiRouter's shared error table: 402 is the credits answer (fal-style detail text).
      return Fault.status(402, "{\"detail\":\"Insufficient balance: top up your account to continue\"}");
    }

    @Override public java.util.List<String> generateEndpoints() {
      return Literals.list("submit", "status", "result");
    }

    @Override public String credentialHeader() {
      return "Authorization";
    }

    @Override public boolean reportsCancellation() {
      return true;
    }
  }

  @Override
  public OdiRouterSimulator start() {
    super.start();
    return this;
  }

  /**
   * The status value a cancelled job shows; fal-compatible services differ ({@code CANCELLED},
   * {@code CANCELED}). Default {@code CANCELLED}.
   */
  public OdiRouterSimulator cancelledStatusValue(String value) {
    if (value == null) throw new NullPointerException("value == null");
    this.cancelledStatus = value;
    return this;
  }

  @Override
  protected String basePath() {
    return "/model";
  }

  @Override
  protected void configure(Routes routes) {
    String request = MODEL_PATH + "/requests/([^/]+)";
    routes
        .add("POST", MODEL_PATH, "submit", this::submit)
        .add("GET", request + "/status", "status", this::status)
        .add("GET", request + "/response", "result", this::result)
        .add("PUT", request + "/cancel", "cancel", this::cancel);
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    return apiKey().equals(bearerToken(request))
        ? null
        : SimResponse.json(401, Literals.map("detail", "Invalid or missing API key"));
  }

  private String requestUrl(String id) {
    return baseUrl() + MODEL_PATH + "/requests/" + id;
  }

  // ---- submit ----

  private SimResponse submit(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return invalid(Literals.list(error(Literals.list("body"), "Invalid JSON body", "value_error.jsondecode")));
    }
    List<Map<String, Object>> errors = validate(body);
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    String id = "mmsu_" + newJobId().substring("job-".length());
    SimJob job = createJob(id, body);
    JobPhase first = job.peek();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("request_id", id);
    json.put("response_url", requestUrl(id) + "/response");
    json.put("status_url", requestUrl(id) + "/status");
    json.put("cancel_url", requestUrl(id) + "/cancel");
    json.put("queue_position", first.state() == JobState.QUEUED && first.queuePosition() != null
        ? first.queuePosition() : 0);
    return SimResponse.json(200, json);
  }

  private static List<Map<String, Object>> validate(JsonNode body) {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (!body.isObject()) {
      errors.add(error(Literals.list("body"), "Input should be an object", "model_attributes_type"));
      return errors;
    }
    JsonNode image = body.get("image");
    if (image == null || image.isNull()) {
      errors.add(missing("image"));
    } else if (!image.isTextual()
        || !(image.asText().startsWith("http://") || image.asText().startsWith("https://"))) {
      errors.add(error(Literals.list("body", "image"),
          "The image must be a publicly accessible HTTP/HTTPS URL", "value_error.url"));
    }
    JsonNode prompt = body.get("prompt");
    if (prompt == null || prompt.isNull()) {
      errors.add(missing("prompt"));
    } else if (!prompt.isTextual() || prompt.asText().trim().isEmpty()) {
      errors.add(error(Literals.list("body", "prompt"), "Prompt must be a non-empty string", "string_type"));
    } else if (prompt.asText().codePointCount(0, prompt.asText().length()) > MAX_PROMPT) {
      errors.add(error(Literals.list("body", "prompt"),
          "String should have at most " + MAX_PROMPT + " characters", "string_too_long"));
    }
    JsonNode duration = body.get("duration");
    if (duration != null && !(duration.isIntegralNumber() && duration.asLong() >= 1 && duration.asLong() <= 15)) {
      errors.add(error(Literals.list("body", "duration"),
          "Input should be an integer between 1 and 15", "int_range"));
    }
    JsonNode quality = body.get("quality");
    if (quality != null && !(quality.isTextual() && QUALITIES.contains(quality.asText()))) {
      errors.add(error(Literals.list("body", "quality"),
          "Input should be '360p', '540p', '720p' or '1080p'", "enum"));
    }
    JsonNode seed = body.get("seed");
    if (seed != null && !(seed.isIntegralNumber() && seed.asLong() >= 0 && seed.asLong() <= MAX_SEED)) {
      errors.add(error(Literals.list("body", "seed"),
          "Input should be an integer between 0 and " + MAX_SEED, "int_range"));
    }
    for (String flag : Literals.list("generate_audio_switch", "generate_multi_clip_switch")) {
      JsonNode value = body.get(flag);
      if (value != null && !value.isBoolean()) {
        errors.add(error(Literals.list("body", flag), "Input should be a valid boolean", "bool_type"));
      }
    }
    return errors;
  }

  private static Map<String, Object> missing(String field) {
    return error(Literals.list("body", field), "Field required", "missing");
  }

  private static Map<String, Object> error(List<String> loc, String msg, String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("loc", loc);
    e.put("msg", msg);
    e.put("type", type);
    return e;
  }

  private static SimResponse invalid(List<Map<String, Object>> errors) {
    return SimResponse.json(422, Literals.map("detail", errors));
  }

  // ---- status ----

  private SimResponse status(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return notFound();
    }
    JobPhase phase = job.observe();
    Map<String, Object> json = new LinkedHashMap<>();
    switch (phase.state()) {
      case QUEUED:
        json.put("status", "IN_QUEUE");
        json.put("request_id", job.id());
        json.put("queue_position", phase.queuePosition() != null ? phase.queuePosition() : 0);
        break;
      case RUNNING:
        json.put("status", "IN_PROGRESS");
        json.put("request_id", job.id());
        break;
      case CANCELLED:
        json.put("status", cancelledStatus);
        json.put("request_id", job.id());
        break;
      default:
        json.put("status", "COMPLETED");
        json.put("request_id", job.id());
        json.put("metrics", Literals.map("inference_time", 1.5));
    }
    json.put("response_url", requestUrl(job.id()) + "/response");
    if ("1".equals(request.queryParameter("logs")) || "true".equals(request.queryParameter("logs"))) {
      json.put("logs", Literals.list(logLine(phase)));
    }
    return SimResponse.json(200, json);
  }

  private Map<String, Object> logLine(JobPhase phase) {
    Map<String, Object> line = new LinkedHashMap<>();
    String message;
    switch (phase.state()) {
      case QUEUED:
        message = "Waiting in queue";
        break;
      case RUNNING:
        message = phase.progressPercent() != null
            ? "Generating video: " + phase.progressPercent() + "%"
            : "Generating video";
        break;
      default:
        message = "Request " + phase.state().name().toLowerCase(java.util.Locale.ROOT);
    }
    line.put("message", message);
    line.put("level", phase.state() == JobState.FAILED ? "ERROR" : "INFO");
    line.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(clock().instant()));
    return line;
  }

  // ---- result ----

  private SimResponse result(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return notFound();
    }
    JobPhase phase = job.peek();
    switch (phase.state()) {
      case QUEUED:
      case RUNNING:
        return SimResponse.json(400, Literals.map("detail", "Request is still in progress"));
      case SUCCEEDED: {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("url", videoUrl(job.id()));
        video.put("content_type", "video/mp4");
        video.put("file_name", job.id() + ".mp4");
        video.put("file_size", mediaBytes().length);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("video", video);
        json.put("seed", seedOf(job));
        return SimResponse.json(200, json);
      }
      case MODERATED: {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("detail", Literals.list(error(Literals.list("body", "prompt"), phase.failureReason(), MODERATION_ERROR_TYPE)));
        json.put("error_type", MODERATION_ERROR_TYPE);
        return SimResponse.json(422, json).withHeader("X-Fal-Error-Type", MODERATION_ERROR_TYPE);
      }
      case FAILED: {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("detail", phase.failureReason());
        json.put("error_type", FAILURE_ERROR_TYPE);
        return SimResponse.json(500, json).withHeader("X-Fal-Error-Type", FAILURE_ERROR_TYPE);
      }
      case CANCELLED:
        return SimResponse.json(400, Literals.map("detail", "Request was cancelled"));
      default:
        return SimResponse.json(404, Literals.map("detail", "Request result has expired"));
    }
  }

  private static long seedOf(SimJob job) {
    Object body = job.submittedBody();
    if (body instanceof JsonNode && ((JsonNode) body).hasNonNull("seed")) {
      return ((JsonNode) body).get("seed").asLong();
    }
    return 1000 + job.sequence();
  }

  // ---- cancel ----

  private SimResponse cancel(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return SimResponse.json(404, Literals.map("status", "NOT_FOUND"));
    }
    return job.cancel()
        ? SimResponse.json(202, Literals.map("status", "CANCELLATION_REQUESTED"))
        : SimResponse.json(400, Literals.map("status", "ALREADY_COMPLETED"));
  }

  private static SimResponse notFound() {
    return SimResponse.json(404, Literals.map("detail", "Request not found"));
  }
}
