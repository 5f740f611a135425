package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider of the fal-style queue protocol family (fal's queue API), configured by {@link
 * Settings}: the same wire-level settings as the client's {@code QueueProtocol} (submit and app
 * paths, result path, auth scheme, error field names), plus the submit validation of the model.
 * OdiRouter's simulator ({@code io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator}) is
 * one configuration.
 *
 * <p>Endpoints, relative to {@link Settings.Builder#basePath}: {@code submit} ({@code POST <submit
 * path>}), {@code status} ({@code GET <app path>/requests/{id}/status}, {@code ?logs=1} adds {@code
 * logs}), {@code result} ({@code GET <app path>/requests/{id}/response}, or {@code …/{id}} with
 * {@link Settings.Builder#resultAtRequestPath}) and {@code cancel} ({@code PUT <app
 * path>/requests/{id}/cancel}). Credentials: {@code Authorization: <scheme> <key>}, else 401 {@code
 * {<detail field>: …}}.
 *
 * <p>Job states on the wire: QUEUED is {@code IN_QUEUE} with {@code queue_position}, RUNNING {@code
 * IN_PROGRESS}, SUCCEEDED / FAILED / MODERATED / EXPIRED all {@code COMPLETED} (the result call
 * tells them apart), CANCELLED {@link #cancelledStatusValue(String) CANCELLED} by default. The
 * result renders {@link SimJob#peek()}: 200 {@code {video, seed}}; FAILED 500 {@code {detail,
 * error_type}}; MODERATED 422 {@code {detail: [{loc, msg, type}], error_type}}, both with the
 * error-type header; EXPIRED 404; not yet complete 400 "still in progress".
 */
public class QueueSimulator extends ProviderSimulator {
  /** The error type of a MODERATED job's result. */
  public static final String MODERATION_ERROR_TYPE = "content_policy_violation";

  /** The error type of a FAILED job's result. */
  public static final String FAILURE_ERROR_TYPE = "internal_error";

  /** Checks a submit body: returns the {@code {loc, msg, type}} errors, empty when it is valid. */
  public interface SubmitValidator {
    /**
     * The validation errors of {@code body} (any JSON value), each made with {@link #error} or
     * {@link #missing}; empty to accept it.
     */
    List<Map<String, Object>> validate(JsonNode body);
  }

  /** The wire settings of one provider of the family; immutable. */
  public static final class Settings {
    final String providerId;
    final String basePath;
    final String submitPath;
    final String appPath;
    final boolean resultAtRequestPath;
    final String authScheme;
    final String errorDetailField;
    final String errorTypeField;
    final String errorTypeHeader;
    final String idPrefix;
    final SubmitValidator validator;
    final RequestDecoder decoder;

    private Settings(Builder b) {
      this.providerId = b.providerId;
      this.basePath = b.basePath;
      this.submitPath = Objects.requireNonNull(b.submitPath, "submitPath is not set");
      this.appPath = b.appPath == null ? b.submitPath : b.appPath;
      this.resultAtRequestPath = b.resultAtRequestPath;
      this.authScheme = b.authScheme;
      this.errorDetailField = b.errorDetailField;
      this.errorTypeField = b.errorTypeField;
      this.errorTypeHeader = b.errorTypeHeader;
      this.idPrefix = b.idPrefix;
      this.validator = b.validator;
      this.decoder = b.decoder;
    }

    /**
     * Settings for provider {@code providerId}; the defaults are OdiRouter's (fal's) conventions.
     */
    public static Builder builder(String providerId) {
      return new Builder(providerId);
    }

    public String providerId() {
      return providerId;
    }

    /**
     * The route of the submit call after the base path, such as {@code /v1/queue/pixverse_v6_i2v}.
     */
    public String submitPath() {
      return submitPath;
    }

    /**
     * The route before {@code /requests/{id}/…} after the base path; the submit path unless set.
     */
    public String appPath() {
      return appPath;
    }

    /** Builds {@link Settings}. */
    public static final class Builder {
      private final String providerId;
      private String basePath = "";
      private String submitPath;
      private String appPath;
      private boolean resultAtRequestPath;
      private String authScheme = "Bearer";
      private String errorDetailField = "detail";
      private String errorTypeField = "error_type";
      private String errorTypeHeader = "X-Fal-Error-Type";
      private String idPrefix = "req_";
      private SubmitValidator validator =
          body ->
              body.isObject()
                  ? Collections.<Map<String, Object>>emptyList()
                  : Collections.singletonList(
                      error(
                          Collections.singletonList("body"),
                          "Input should be an object",
                          "model_attributes_type"));
      private RequestDecoder decoder = QueueSimulator::decodeStandardBody;

      Builder(String providerId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
      }

      /**
       * The path prefix of the API: "" (the default) or starting with "/" and not ending with "/".
       */
      public Builder basePath(String basePath) {
        this.basePath = Objects.requireNonNull(basePath, "basePath == null");
        return this;
      }

      /** The submit route after the base path, starting with "/"; required. */
      public Builder submitPath(String submitPath) {
        this.submitPath = Routes.checkRoute(submitPath, "submitPath");
        return this;
      }

      /** The route before {@code /requests/{id}/…}, starting with "/"; default the submit path. */
      public Builder appPath(String appPath) {
        this.appPath = Routes.checkRoute(appPath, "appPath");
        return this;
      }

      /**
       * Serve the result at {@code …/requests/{id}} (fal.ai) instead of {@code
       * …/requests/{id}/response}.
       */
      public Builder resultAtRequestPath(boolean resultAtRequestPath) {
        this.resultAtRequestPath = resultAtRequestPath;
        return this;
      }

      /** The {@code Authorization} scheme the key must come with; default {@code Bearer}. */
      public Builder authScheme(String authScheme) {
        this.authScheme = Objects.requireNonNull(authScheme, "authScheme == null");
        return this;
      }

      /** The error bodies' explanation field; default {@code detail}. */
      public Builder errorDetailField(String errorDetailField) {
        this.errorDetailField =
            Objects.requireNonNull(errorDetailField, "errorDetailField == null");
        return this;
      }

      /** The error bodies' type field; default {@code error_type}. */
      public Builder errorTypeField(String errorTypeField) {
        this.errorTypeField = Objects.requireNonNull(errorTypeField, "errorTypeField == null");
        return this;
      }

      /** The header repeating the error type; default {@code X-Fal-Error-Type}. */
      public Builder errorTypeHeader(String errorTypeHeader) {
        this.errorTypeHeader = Objects.requireNonNull(errorTypeHeader, "errorTypeHeader == null");
        return this;
      }

      /** The prefix of request ids; default {@code req_}. */
      public Builder idPrefix(String idPrefix) {
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix == null");
        return this;
      }

      /**
       * The submit validation: accept exactly the wire values the provider documents (testkit
       * README, convention 4). Default: any JSON object.
       */
      public Builder validator(SubmitValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator == null");
        return this;
      }

      /**
       * How an accepted submit body is read into a {@link DecodedRequest} (what the request meant,
       * which the contract compares with what was asked). Default {@link
       * QueueSimulator#decodeStandardBody}, the fields of the client's {@code
       * QueueProtocol.standardSubmitBody()}; a provider with other field names or units sets its
       * own, next to its {@link #validator}.
       */
      public Builder decoder(RequestDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder == null");
        return this;
      }

      public Settings build() {
        return new Settings(this);
      }
    }
  }

  private final Settings settings;
  private volatile String cancelledStatus = "CANCELLED";

  public QueueSimulator(Settings settings, String apiKey) {
    super(Objects.requireNonNull(settings, "settings == null").providerId, apiKey);
    this.settings = settings;
  }

  /** The settings this simulator serves. */
  public Settings settings() {
    return settings;
  }

  @Override
  public QueueSimulator start() {
    super.start();
    return this;
  }

  /**
   * The status value a cancelled job shows; fal-compatible services differ ({@code CANCELLED},
   * {@code CANCELED}). Default {@code CANCELLED}.
   */
  public QueueSimulator cancelledStatusValue(String value) {
    if (value == null) throw new NullPointerException("value == null");
    this.cancelledStatus = value;
    return this;
  }

  /**
   * Reads the family's standard submit body (the client's {@code
   * QueueProtocol.standardSubmitBody()}): {@code image} (a URL), {@code prompt}, {@code duration}
   * (integer seconds), {@code quality} ({@code "720p"}), {@code seed}, {@code
   * generate_audio_switch}, {@code generate_multi_clip_switch}.
   */
  public static DecodedRequest decodeStandardBody(JsonNode body) {
    return DecodedRequest.builder()
        .fromJson(body, "image", DecodedRequest.Setting.IMAGE)
        .fromJson(body, "prompt", DecodedRequest.Setting.PROMPT)
        .fromJson(body, "duration", DecodedRequest.Setting.DURATION_SECONDS)
        .fromJson(body, "quality", DecodedRequest.Setting.QUALITY)
        .fromJson(body, "seed", DecodedRequest.Setting.SEED)
        .fromJson(body, "generate_audio_switch", DecodedRequest.Setting.AUDIO)
        .fromJson(body, "generate_multi_clip_switch", DecodedRequest.Setting.MULTI_CLIP)
        .build();
  }

  /** A validation error {@code {loc, msg, type}} as the family writes it. */
  public static Map<String, Object> error(List<String> loc, String msg, String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("loc", loc);
    e.put("msg", msg);
    e.put("type", type);
    return e;
  }

  /** The error of body field {@code field}: {@code loc} is {@code ["body", field]}. */
  public static Map<String, Object> error(String field, String msg, String type) {
    return error(Literals.list("body", field), msg, type);
  }

  /** The error of a missing required body field. */
  public static Map<String, Object> missing(String field) {
    return error(field, "Field required", "missing");
  }

  @Override
  protected String basePath() {
    return settings.basePath;
  }

  @Override
  protected void configure(Routes routes) {
    String request = java.util.regex.Pattern.quote(settings.appPath) + "/requests/([^/]+)";
    routes
        .add("POST", java.util.regex.Pattern.quote(settings.submitPath), "submit", this::submit)
        .add("GET", request + "/status", "status", this::status)
        .add(
            "GET",
            settings.resultAtRequestPath ? request : request + "/response",
            "result",
            this::result)
        .add("PUT", request + "/cancel", "cancel", this::cancel);
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    return hasAuthorization(request, settings.authScheme)
        ? null
        : SimResponse.json(
            401, Literals.map(settings.errorDetailField, "Invalid or missing API key"));
  }

  private String requestUrl(String id) {
    return baseUrl() + settings.appPath + "/requests/" + id;
  }

  private String resultUrl(String id) {
    return settings.resultAtRequestPath ? requestUrl(id) : requestUrl(id) + "/response";
  }

  // ---- submit ----

  private SimResponse submit(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return invalid(
          Literals.list(
              error(Literals.list("body"), "Invalid JSON body", "value_error.jsondecode")));
    }
    List<Map<String, Object>> errors = new ArrayList<>(settings.validator.validate(body));
    if (!errors.isEmpty()) {
      return invalid(errors);
    }
    SimJob job =
        createJobWithinLimit(
            settings.idPrefix + newJobId().substring("job-".length()),
            body,
            settings.decoder.decode(body));
    if (job == null) {
      return SimResponse.rawJson(429, "{\"detail\":\"Too many concurrent requests\"}")
          .withHeader("Retry-After", Integer.toString(LIMIT_RETRY_AFTER_SECONDS));
    }
    String id = job.id();
    JobPhase first = job.peek();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("request_id", id);
    json.put("response_url", resultUrl(id));
    json.put("status_url", requestUrl(id) + "/status");
    json.put("cancel_url", requestUrl(id) + "/cancel");
    json.put(
        "queue_position",
        first.state() == JobState.QUEUED && first.queuePosition() != null
            ? first.queuePosition()
            : 0);
    return SimResponse.json(200, json);
  }

  private SimResponse invalid(List<Map<String, Object>> errors) {
    return SimResponse.json(422, Literals.map(settings.errorDetailField, errors));
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
    json.put("response_url", resultUrl(job.id()));
    if ("1".equals(request.queryParameter("logs"))
        || "true".equals(request.queryParameter("logs"))) {
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
        message =
            phase.progressPercent() != null
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
        return SimResponse.json(
            400, Literals.map(settings.errorDetailField, "Request is still in progress"));
      case SUCCEEDED:
        {
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
      case MODERATED:
        {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put(
              settings.errorDetailField,
              Literals.list(error("prompt", phase.failureReason(), MODERATION_ERROR_TYPE)));
          json.put(settings.errorTypeField, MODERATION_ERROR_TYPE);
          return SimResponse.json(422, json)
              .withHeader(settings.errorTypeHeader, MODERATION_ERROR_TYPE);
        }
      case FAILED:
        {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put(settings.errorDetailField, phase.failureReason());
          json.put(settings.errorTypeField, FAILURE_ERROR_TYPE);
          return SimResponse.json(500, json)
              .withHeader(settings.errorTypeHeader, FAILURE_ERROR_TYPE);
        }
      case CANCELLED:
        return SimResponse.json(
            400, Literals.map(settings.errorDetailField, "Request was cancelled"));
      default:
        return SimResponse.json(
            404, Literals.map(settings.errorDetailField, "Request result has expired"));
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

  private SimResponse notFound() {
    return SimResponse.json(404, Literals.map(settings.errorDetailField, "Request not found"));
  }
}
