package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider of the submit-then-poll-by-id protocol family, configured by {@link Settings}: the
 * same description as the client's {@code PollProtocol} (paths with {@code {id}}, auth, where each
 * value sits in an answer as a JSON pointer, the status value of each state), plus the submit
 * validation of the model. {@code io.github.pixverse4j.poll.simulator.PollSimulators} makes the
 * settings from a {@code PollProtocol}; WaveSpeed's simulator is one configuration.
 *
 * <p>Endpoints, relative to {@link Settings.Builder#basePath}: {@code submit} ({@code POST <submit
 * path>}), {@code status} ({@code GET <status path>}) and, when configured, {@code cancel} ({@code
 * POST <cancel path>}). Every answer holds the settings' constant fields (such as {@code
 * {"code":200,"message":"success"}}); a submit answer the id and first status; a status answer the
 * status of {@code job.observe()} and, by state, the queue position, progress, video URL(s),
 * failure message and moderation signal. An unknown id is 404; a refused body is {@link
 * Settings.Builder#validationStatus} with the problems joined at the error message pointer.
 */
public class PollSimulator extends ProviderSimulator {
  /** A submit body check: one problem text per bad field ({@code "duration: must be 1 to 15"}). */
  public interface SubmitValidator {
    List<String> validate(JsonNode body);
  }

  /** The wire settings of one provider of the family; immutable. */
  public static final class Settings {
    final String providerId;
    final String basePath;
    final String submitPath;
    final String statusPath;
    final String cancelPath;
    final String authScheme;
    final String authHeader;
    final String idPrefix;
    final String taskIdField;
    final String statusField;
    final Map<JobState, String> statusValues;
    final String videoUrlsField;
    final boolean videoUrlsAsList;
    final String progressField;
    final String queuePositionField;
    final String failureMessageField;
    final String moderationField;
    final Object moderationValue;
    final String errorMessageField;
    final int validationStatus;
    final Map<String, Object> constants;
    final SubmitValidator validator;
    final RequestDecoder decoder;

    private Settings(Builder b) {
      this.providerId = b.providerId;
      this.basePath = b.basePath;
      this.submitPath = Objects.requireNonNull(b.submitPath, "submitPath is not set");
      this.statusPath = Objects.requireNonNull(b.statusPath, "statusPath is not set");
      this.cancelPath = b.cancelPath;
      this.authScheme = b.authScheme;
      this.authHeader = b.authHeader;
      this.idPrefix = b.idPrefix;
      this.taskIdField = Objects.requireNonNull(b.taskIdField, "taskId is not set");
      this.statusField = Objects.requireNonNull(b.statusField, "status is not set");
      for (JobState needed : new JobState[] {JobState.SUCCEEDED, JobState.FAILED}) {
        if (!b.statusValues.containsKey(needed)) {
          throw new IllegalStateException("no status value for " + needed);
        }
      }
      if (!b.statusValues.containsKey(JobState.QUEUED)
          && !b.statusValues.containsKey(JobState.RUNNING)) {
        throw new IllegalStateException("no status value for QUEUED or RUNNING");
      }
      this.statusValues = Collections.unmodifiableMap(new EnumMap<>(b.statusValues));
      this.videoUrlsField = Objects.requireNonNull(b.videoUrlsField, "videoUrls is not set");
      this.videoUrlsAsList = b.videoUrlsAsList;
      this.progressField = b.progressField;
      this.queuePositionField = b.queuePositionField;
      this.failureMessageField = b.failureMessageField;
      this.moderationField = b.moderationField;
      this.moderationValue = b.moderationValue;
      this.errorMessageField = b.errorMessageField;
      this.validationStatus = b.validationStatus;
      this.constants = Collections.unmodifiableMap(new LinkedHashMap<>(b.constants));
      this.validator = b.validator;
      this.decoder = Objects.requireNonNull(b.decoder, "decoder is not set");
    }

    /** Settings for provider {@code providerId}. */
    public static Builder builder(String providerId) {
      return new Builder(providerId);
    }

    public String providerId() {
      return providerId;
    }

    /** The submit route after the base path, such as {@code /api/v3/pixverse/…}. */
    public String submitPath() {
      return submitPath;
    }

    /** The status route after the base path, with {@code {id}}. */
    public String statusPath() {
      return statusPath;
    }

    /** The status value a job in {@code state} shows, or null when the protocol has none. */
    public String statusValue(JobState state) {
      return statusValues.get(state);
    }

    /** Builds {@link Settings}. */
    public static final class Builder {
      private final String providerId;
      private String basePath = "";
      private String submitPath;
      private String statusPath;
      private String cancelPath;
      private String authScheme = "Bearer";
      private String authHeader;
      private String idPrefix = "";
      private String taskIdField;
      private String statusField;
      private final Map<JobState, String> statusValues = new EnumMap<>(JobState.class);
      private String videoUrlsField;
      private boolean videoUrlsAsList = true;
      private String progressField;
      private String queuePositionField;
      private String failureMessageField;
      private String moderationField;
      private Object moderationValue = Boolean.TRUE;
      private String errorMessageField = "/message";
      private int validationStatus = 400;
      private final Map<String, Object> constants = new LinkedHashMap<>();
      private SubmitValidator validator =
          body ->
              body.isObject()
                  ? Collections.<String>emptyList()
                  : Collections.singletonList("body: must be a JSON object");
      private RequestDecoder decoder;

      Builder(String providerId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId == null");
      }

      /** The path prefix of the API: "" (the default) or starting with "/". */
      public Builder basePath(String basePath) {
        this.basePath = Objects.requireNonNull(basePath, "basePath == null");
        return this;
      }

      /** The submit route after the base path, starting with "/"; required. */
      public Builder submitPath(String route) {
        this.submitPath = Routes.checkRoute(route, "submitPath");
        return this;
      }

      /** The status route after the base path with {@code {id}}, starting with "/"; required. */
      public Builder statusPath(String route) {
        this.statusPath = idRoute(route, "statusPath");
        return this;
      }

      /** The cancel route ({@code POST}) with {@code {id}}; default none. */
      public Builder cancelPath(String route) {
        this.cancelPath = idRoute(route, "cancelPath");
        return this;
      }

      /** The {@code Authorization} scheme the key must come with; default {@code Bearer}. */
      public Builder authScheme(String authScheme) {
        this.authScheme = Objects.requireNonNull(authScheme, "authScheme == null");
        this.authHeader = null;
        return this;
      }

      /** The header the bare key must come in, instead of {@code Authorization}. */
      public Builder authHeader(String name) {
        this.authHeader = Objects.requireNonNull(name, "name == null");
        return this;
      }

      /** The prefix of task ids; default none. */
      public Builder idPrefix(String idPrefix) {
        this.idPrefix = Objects.requireNonNull(idPrefix, "idPrefix == null");
        return this;
      }

      /** Where answers keep the task id, such as {@code /data/id}; required. */
      public Builder taskId(String pointer) {
        this.taskIdField = pointer(pointer);
        return this;
      }

      /** Where answers keep the status value, such as {@code /data/status}; required. */
      public Builder status(String pointer) {
        this.statusField = pointer(pointer);
        return this;
      }

      /**
       * The status value of a job in {@code state}; SUCCEEDED, FAILED and QUEUED or RUNNING are
       * required. MODERATED shows the FAILED value (plus the moderation signal) unless set;
       * CANCELLED the FAILED value with a "cancelled" message unless set; a QUEUED job shows the
       * RUNNING value when QUEUED has none, and the other way round.
       */
      public Builder statusValue(JobState state, String value) {
        statusValues.put(
            Objects.requireNonNull(state, "state == null"),
            Objects.requireNonNull(value, "value == null"));
        return this;
      }

      /**
       * Where a succeeded job's video URL goes; an array of URLs unless {@code asList} is false.
       */
      public Builder videoUrls(String pointer, boolean asList) {
        this.videoUrlsField = pointer(pointer);
        this.videoUrlsAsList = asList;
        return this;
      }

      /** Where a running job's progress percentage goes; default none. */
      public Builder progress(String pointer) {
        this.progressField = pointer(pointer);
        return this;
      }

      /** Where a queued job's queue position goes; default none. */
      public Builder queuePosition(String pointer) {
        this.queuePositionField = pointer(pointer);
        return this;
      }

      /** Where a failed job's reason goes; default none. */
      public Builder failureMessage(String pointer) {
        this.failureMessageField = pointer(pointer);
        return this;
      }

      /**
       * Where a moderated job's signal goes and its value ({@code true}, or such as {@code
       * [true]}); default none: a moderated job is a plain failure.
       */
      public Builder moderation(String pointer, Object value) {
        this.moderationField = pointer(pointer);
        this.moderationValue = Objects.requireNonNull(value, "value == null");
        return this;
      }

      /** Where error answers keep their message; default {@code /message}. */
      public Builder errorMessage(String pointer) {
        this.errorMessageField = pointer(pointer);
        return this;
      }

      /** The HTTP status of a refused submit body; default 400. */
      public Builder validationStatus(int status) {
        this.validationStatus = status;
        return this;
      }

      /**
       * A value every answer (success and error) carries at {@code pointer}, such as {@code
       * constant("/code", 200)}; an error answer's {@code /code} is its HTTP status instead.
       */
      public Builder constant(String pointer, Object value) {
        constants.put(pointer(pointer), value);
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
       * which the contract compares with what was asked); required: the family has no standard
       * body. Usually {@link DecodedRequest.Builder#fromJson} once per field.
       */
      public Builder decoder(RequestDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder == null");
        return this;
      }

      /**
       * The settings.
       *
       * @throws NullPointerException if a required setting, such as the decoder, is missing
       * @throws IllegalStateException if SUCCEEDED, FAILED, or both QUEUED and RUNNING have no
       *     status value
       */
      public Settings build() {
        return new Settings(this);
      }

      private static String idRoute(String value, String name) {
        Routes.checkRoute(value, name);
        if (!(value + "/").contains("/{id}/")) {
          throw new IllegalArgumentException(name + " must have {id} as a path segment: " + value);
        }
        return value;
      }

      private static String pointer(String value) {
        Objects.requireNonNull(value, "pointer == null");
        if (!value.startsWith("/") || value.endsWith("/")) {
          throw new IllegalArgumentException("not a JSON pointer to a field: " + value);
        }
        return value;
      }
    }
  }

  private final Settings settings;

  public PollSimulator(Settings settings, String apiKey) {
    super(Objects.requireNonNull(settings, "settings == null").providerId, apiKey);
    this.settings = settings;
  }

  /** The settings this simulator serves. */
  public Settings settings() {
    return settings;
  }

  @Override
  public PollSimulator start() {
    super.start();
    return this;
  }

  @Override
  protected String basePath() {
    return settings.basePath;
  }

  @Override
  protected void configure(Routes routes) {
    routes
        .add("POST", Pattern.quote(settings.submitPath), "submit", this::submit)
        .add("GET", idPattern(settings.statusPath), "status", this::status);
    if (settings.cancelPath != null) {
      routes.add("POST", idPattern(settings.cancelPath), "cancel", this::cancel);
    }
  }

  private static String idPattern(String route) {
    int at = route.indexOf("{id}");
    return Pattern.quote(route.substring(0, at))
        + "([^/]+)"
        + (at + 4 < route.length() ? Pattern.quote(route.substring(at + 4)) : "");
  }

  @Override
  protected java.util.Set<String> credentialHeaders() {
    java.util.Set<String> names = super.credentialHeaders();
    if (settings.authHeader != null) names.add(settings.authHeader);
    return names;
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    boolean ok;
    if (settings.authHeader != null) {
      String value = request.header(settings.authHeader);
      ok = value != null && apiKey().equals(value.trim());
    } else {
      ok = hasAuthorization(request, settings.authScheme);
    }
    return ok ? null : error(401, "Invalid or missing API key");
  }

  /** An error answer: the constants, {@code /code} the HTTP status, the message at its pointer. */
  protected SimResponse error(int status, String message) {
    ObjectNode json = answer();
    if (settings.constants.containsKey("/code")) put(json, "/code", status);
    put(json, settings.errorMessageField, message);
    return SimResponse.json(status, json);
  }

  private ObjectNode answer() {
    ObjectNode json = JSON.createObjectNode();
    for (Map.Entry<String, Object> c : settings.constants.entrySet()) {
      put(json, c.getKey(), c.getValue());
    }
    return json;
  }

  /** Sets {@code value} at {@code pointer} in {@code root}, creating the objects on the way. */
  private static void put(ObjectNode root, String pointer, Object value) {
    String[] parts = pointer.substring(1).split("/", -1);
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(unescape(parts[i]));
      node = next instanceof ObjectNode ? (ObjectNode) next : node.putObject(unescape(parts[i]));
    }
    node.set(unescape(parts[parts.length - 1]), JSON.valueToTree(value));
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  // ---- submit ----

  private SimResponse submit(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return error(settings.validationStatus, "body: invalid JSON");
    }
    List<String> problems = new ArrayList<>(settings.validator.validate(body));
    if (!problems.isEmpty()) {
      return error(settings.validationStatus, String.join("; ", problems));
    }
    SimJob job =
        createJobWithinLimit(
            settings.idPrefix + newJobId().substring("job-".length()),
            body,
            settings.decoder.decode(body));
    if (job == null) {
      return error(429, "too many concurrent requests")
          .withHeader("Retry-After", Integer.toString(LIMIT_RETRY_AFTER_SECONDS));
    }
    ObjectNode json = answer();
    put(json, settings.taskIdField, job.id());
    put(json, settings.statusField, valueOf(job.peek().state()));
    return SimResponse.json(200, json);
  }

  // ---- status ----

  private SimResponse status(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) return error(404, "Task not found");
    JobPhase phase = job.observe();
    if (phase.state() == JobState.EXPIRED) return error(404, "Task has expired");
    ObjectNode json = answer();
    put(json, settings.taskIdField, job.id());
    put(json, settings.statusField, valueOf(phase.state()));
    if (settings.videoUrlsAsList) put(json, settings.videoUrlsField, Collections.emptyList());
    switch (phase.state()) {
      case QUEUED:
        if (settings.queuePositionField != null && phase.queuePosition() != null) {
          put(json, settings.queuePositionField, phase.queuePosition());
        }
        break;
      case RUNNING:
        if (settings.progressField != null && phase.progressPercent() != null) {
          put(json, settings.progressField, phase.progressPercent());
        }
        break;
      case SUCCEEDED:
        put(
            json,
            settings.videoUrlsField,
            settings.videoUrlsAsList
                ? Collections.singletonList(videoUrl(job.id()))
                : videoUrl(job.id()));
        break;
      case MODERATED:
        if (settings.moderationField != null) {
          put(json, settings.moderationField, settings.moderationValue);
        }
        failure(json, phase.failureReason());
        break;
      case CANCELLED:
        if (!settings.statusValues.containsKey(JobState.CANCELLED)) {
          failure(json, "Task was cancelled");
        }
        break;
      default:
        failure(json, phase.failureReason());
    }
    return SimResponse.json(200, json);
  }

  private void failure(ObjectNode json, String reason) {
    if (settings.failureMessageField != null) {
      put(json, settings.failureMessageField, reason == null ? "" : reason);
    }
  }

  private String valueOf(JobState state) {
    String v = settings.statusValues.get(state);
    if (v != null) return v;
    switch (state) {
      case QUEUED:
        return settings.statusValues.get(JobState.RUNNING);
      case RUNNING:
        return settings.statusValues.get(JobState.QUEUED);
      default:
        return settings.statusValues.get(JobState.FAILED);
    }
  }

  // ---- cancel ----

  private SimResponse cancel(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) return error(404, "Task not found");
    if (!job.cancel()) return error(400, "Task has already ended");
    ObjectNode json = answer();
    put(json, settings.taskIdField, job.id());
    put(json, settings.statusField, valueOf(JobState.CANCELLED));
    return SimResponse.json(200, json);
  }
}
