package io.github.pixverse4j.v3async.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.simulator.CallbackSender;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.JobPhase;
import io.github.pixverse4j.simulator.Literals;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.github.pixverse4j.simulator.Routes;
import io.github.pixverse4j.simulator.SimJob;
import io.github.pixverse4j.simulator.SimRequest;
import io.github.pixverse4j.simulator.SimResponse;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The "v3 async" task API of Novita and its clones highwayapi ({@code pixverse-v6-i2v}) and
 * myrouter ({@code pixverse-v4.5-i2v}), from their pages for these models and Novita's task API
 * reference.
 *
 * <ul>
 *   <li>{@code POST /v3/async/{model}} (endpoint {@code "submit"}) validates the model's body as
 *       its page describes and answers {@code {"task_id": "<uuid>"}}; a violation answers 400
 *       {@code {code:400, reason:"INVALID_REQUEST_BODY", message, metadata:{}}} naming every
 *       problem; an image URL whose file name ends in another extension than .jpg/.jpeg/.png
 *       answers 400 {@code INVALID_IMAGE_FORMAT}; another model path answers 404.
 *   <li>{@code GET /v3/async/task-result?task_id=} (endpoint {@code "status"}) renders one {@link
 *       SimJob#observe()} as {@code {task:{task_id, task_type, status, reason, eta,
 *       progress_percent}, extra:{seed}, images:[], videos:[...], audios:[]}}, always HTTP 200, a
 *       failed task included; an unknown or expired task answers 404 {@code TASK_NOT_FOUND}.
 *   <li>Auth: {@code Authorization: Bearer <key>}; no header answers 400 {@code MISSING_API_KEY}, a
 *       wrong key 403 {@code INVALID_API_KEY}.
 * </ul>
 *
 * <p>States: QUEUED → {@code TASK_STATUS_QUEUED}, RUNNING → {@code TASK_STATUS_PROCESSING} (with
 * the phase's progress and ETA), SUCCEEDED → {@code TASK_STATUS_SUCCEED} with one video ({@code
 * video_type "mp4"}, {@code video_url_ttl "3600"}), FAILED → {@code TASK_STATUS_FAILED} with the
 * phase's reason. Assumed (undocumented): a moderated task is {@code TASK_STATUS_FAILED} with the
 * reason {@code "ILLEGAL_IMAGE_CONTENT: <phase reason>"}; the protocol has no cancelled state, so a
 * cancelled job is {@code TASK_STATUS_FAILED} with the reason {@code "TASK_CANCELLED"}.
 *
 * <p>Also assumed: like the Kratos/protobuf servers behind Novita, every task field is emitted,
 * {@code "reason": ""}, {@code "eta": 0} and {@code "progress_percent": 0} when unknown; switch
 * that off with {@link #emitZeroValues(boolean)} to omit them. Unknown body fields are ignored.
 *
 * <p>Callbacks: a submit may carry {@code extra.webhook.url} (validated as an http(s) URL); after
 * {@link #callbacksTo()}, {@link #sendCallback(String)} POSTs the job's end to it as Novita's
 * "Webhook" page describes, through the simulator kit's {@link CallbackSender} and its faults.
 */
public final class V3AsyncSimulator extends ProviderSimulator {
  /** A model path this simulator serves, with its documented request fields. */
  public enum Model {
    PIXVERSE_V6_I2V("pixverse-v6-i2v", io.github.pixverse4j.api.Model.V6, 2500, true),
    PIXVERSE_V4_5_I2V("pixverse-v4.5-i2v", io.github.pixverse4j.api.Model.V4_5, 2048, false);

    private final String path;
    private final io.github.pixverse4j.api.Model version;
    private final int maxPrompt;
    private final boolean emptyPromptAllowed;

    Model(
        String path,
        io.github.pixverse4j.api.Model version,
        int maxPrompt,
        boolean emptyPromptAllowed) {
      this.path = path;
      this.version = version;
      this.maxPrompt = maxPrompt;
      this.emptyPromptAllowed = emptyPromptAllowed;
    }

    /** The path segment, such as {@code "pixverse-v6-i2v"}. */
    public String path() {
      return path;
    }
  }

  private static final Set<String> RESOLUTIONS = Literals.set("360p", "540p", "720p", "1080p");
  private static final Set<String> STYLES =
      Literals.set("anime", "3d_animation", "clay", "comic", "cyberpunk");
  private static final Set<String> IMAGE_EXTENSIONS = Literals.set("jpg", "jpeg", "png");

  private final Model model;
  private volatile boolean emitZeroValues = true;

  /** A simulator of {@code model} accepting {@code apiKey}. */
  public V3AsyncSimulator(String apiKey, Model model) {
    super("v3async", apiKey);
    this.model = Objects.requireNonNull(model, "model == null");
  }

  /** highwayapi: PixVerse V6. */
  public static V3AsyncSimulator highway(String apiKey) {
    return new V3AsyncSimulator(apiKey, Model.PIXVERSE_V6_I2V);
  }

  /** myrouter: PixVerse V4.5. */
  public static V3AsyncSimulator myrouter(String apiKey) {
    return new V3AsyncSimulator(apiKey, Model.PIXVERSE_V4_5_I2V);
  }

  /** Registers this simulator for provider {@code highway}. */
  public static final class HighwayFactory extends V3AsyncFactory {
    public HighwayFactory() {
      super("highway", Model.PIXVERSE_V6_I2V);
    }
  }

  /** Registers this simulator for provider {@code myrouter}. */
  public static final class MyRouterFactory extends V3AsyncFactory {
    public MyRouterFactory() {
      super("myrouter", Model.PIXVERSE_V4_5_I2V);
    }
  }

  /** What the v3 async services share. */
  private abstract static class V3AsyncFactory implements SimulatorFactory {
    private final String providerId;
    private final Model model;

    V3AsyncFactory(String providerId, Model model) {
      this.providerId = providerId;
      this.model = model;
    }

    @Override
    public String providerId() {
      return providerId;
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new V3AsyncSimulator(apiKey, model);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"task\":{\"task_type\":\"X\",\"status\":\"TASK_STATUS_TELEPORTING\",\"reason\":\"\"},"
                 + "\"extra\":{},\"images\":[],\"videos\":[],\"audios\":[]}";
    }

    @Override
    public Fault insufficientCredits() {
      return Fault.status(
          400,
          "{\"code\":400,\"reason\":\"BILLING_BALANCE_NOT_ENOUGH\","
              + "\"message\":\"balance not enough\",\"metadata\":{}}");
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
  public V3AsyncSimulator start() {
    super.start();
    return this;
  }

  public Model model() {
    return model;
  }

  /**
   * Whether unknown task fields are sent as zero values ({@code "eta": 0}, {@code
   * "progress_percent": 0}, {@code "reason": ""}, the default) or left out.
   */
  public V3AsyncSimulator emitZeroValues(boolean emit) {
    this.emitZeroValues = emit;
    return this;
  }

  @Override
  protected void configure(Routes routes) {
    routes
        .add("GET", "/v3/async/task-result", "status", this::taskResult)
        .add("POST", "/v3/async/([^/]+)", "submit", this::submit);
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    String header = request.header("Authorization");
    if (header == null || header.trim().isEmpty()) {
      return error(400, "MISSING_API_KEY", "missing api key in the Authorization header");
    }
    return apiKey().equals(bearerToken(request))
        ? null
        : error(403, "INVALID_API_KEY", "invalid api key");
  }

  /** The provider's error envelope. */
  static SimResponse error(int status, String reason, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", status);
    body.put("reason", reason);
    body.put("message", message);
    body.put("metadata", Literals.map());
    return SimResponse.json(status, body);
  }

  private SimResponse submit(SimRequest request) {
    String path = request.pathParam(1);
    if (!model.path.equals(path)) {
      return error(404, "NOT_FOUND", "model " + path + " not found");
    }
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return error(400, "INVALID_REQUEST_BODY", e.getMessage());
    }
    if (!body.isObject()) {
      return error(400, "INVALID_REQUEST_BODY", "request body must be a JSON object");
    }
    List<String> problems = validate(body);
    if (!problems.isEmpty()) {
      return error(400, "INVALID_REQUEST_BODY", String.join("; ", problems));
    }
    String imageProblem = imageFormatProblem(body.get("image").asText());
    if (imageProblem != null) {
      return error(400, "INVALID_IMAGE_FORMAT", imageProblem);
    }
    String id = UUID.nameUUIDFromBytes(newJobId().getBytes(StandardCharsets.UTF_8)).toString();
    SimJob job = createJobWithinLimit(id, body, decode(body));
    if (job == null) {
      return error(429, "RATE_LIMIT_EXCEEDED", "too many tasks in progress for this account")
          .withHeader("Retry-After", Integer.toString(LIMIT_RETRY_AFTER_SECONDS));
    }
    return SimResponse.json(200, Literals.map("task_id", job.id()));
  }

  /** What an accepted body meant; the model is the one of the path (PixVerse V6 or V4.5). */
  private DecodedRequest decode(JsonNode body) {
    DecodedRequest.Builder d = DecodedRequest.builder().model(model.version);
    String[][] fields = {
      {"image", "IMAGE"},
      {"prompt", "PROMPT"},
      {"negative_prompt", "NEGATIVE_PROMPT"},
      {"seed", "SEED"},
      {"resolution", "QUALITY"},
      {"duration", "DURATION_SECONDS"},
      {"cfg_scale", "CFG_SCALE"},
      {"thinking_type", "THINKING_TYPE"},
      {"generate_audio_switch", "AUDIO"},
      {"fast_mode", "FAST_MODE"},
      {"style", "STYLE"}
    };
    for (String[] f : fields) d.fromJson(body, f[0], DecodedRequest.Setting.valueOf(f[1]));
    return d.build();
  }

  private List<String> validate(JsonNode body) {
    List<String> p = new ArrayList<>();
    JsonNode image = body.get("image");
    if (image == null || image.isNull()) {
      p.add("image is required");
    } else if (!image.isTextual()) {
      p.add("image must be a string");
    } else if (!isHttpUrl(image.asText())) {
      p.add("image must be an http(s) URL");
    }
    JsonNode prompt = body.get("prompt");
    if (prompt == null || prompt.isNull()) {
      p.add("prompt is required");
    } else if (!prompt.isTextual()) {
      p.add("prompt must be a string");
    } else {
      String text = prompt.asText();
      if (!model.emptyPromptAllowed && text.trim().isEmpty()) {
        p.add("prompt is required");
      }
      if (text.codePointCount(0, text.length()) > model.maxPrompt) {
        p.add("prompt must not exceed " + model.maxPrompt + " characters");
      }
    }
    text(body, "negative_prompt", p, model.maxPrompt);
    JsonNode webhook = body.path("extra").path("webhook");
    if (!webhook.isMissingNode()
        && !webhook.isNull()
        && !(webhook.path("url").isTextual() && isHttpUrl(webhook.path("url").asText()))) {
      p.add("extra.webhook.url must be an http(s) URL");
    }
    integer(body, "seed", p, Integer.MIN_VALUE, Integer.MAX_VALUE);
    JsonNode resolution = body.get("resolution");
    if (resolution != null && !resolution.isNull()) {
      if (!resolution.isTextual() || !RESOLUTIONS.contains(resolution.asText())) {
        p.add("resolution must be one of 360p, 540p, 720p, 1080p");
      }
    }
    switch (model) {
      case PIXVERSE_V6_I2V:
        integer(body, "duration", p, 1, 15);
        JsonNode cfg = body.get("cfg_scale");
        if (cfg != null
            && !cfg.isNull()
            && (!cfg.isNumber() || cfg.asDouble() < 0 || cfg.asDouble() > 1)) {
          p.add("cfg_scale must be a number in [0, 1]");
        }
        text(body, "thinking_type", p, Integer.MAX_VALUE);
        bool(body, "generate_audio_switch", p);
        break;
      case PIXVERSE_V4_5_I2V:
        if (resolution == null || resolution.isNull()) {
          p.add("resolution is required");
        }
        bool(body, "fast_mode", p);
        JsonNode fast = body.get("fast_mode");
        if (fast != null
            && fast.isBoolean()
            && fast.asBoolean()
            && resolution != null
            && "1080p".equals(resolution.asText())) {
          p.add("resolution 1080p is not available when fast_mode is true");
        }
        JsonNode style = body.get("style");
        if (style != null
            && !style.isNull()
            && (!style.isTextual() || !STYLES.contains(style.asText()))) {
          p.add("style must be one of anime, 3d_animation, clay, comic, cyberpunk");
        }
        break;
      default:
        throw new AssertionError(model);
    }
    return p;
  }

  private static void text(JsonNode body, String field, List<String> p, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return;
    if (!n.isTextual()) {
      p.add(field + " must be a string");
    } else if (n.asText().codePointCount(0, n.asText().length()) > max) {
      p.add(field + " must not exceed " + max + " characters");
    }
  }

  private static void integer(JsonNode body, String field, List<String> p, long min, long max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return;
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min || n.asLong() > max) {
      p.add(field + " must be an integer in [" + min + ", " + max + "]");
    }
  }

  private static void bool(JsonNode body, String field, List<String> p) {
    JsonNode n = body.get(field);
    if (n != null && !n.isNull() && !n.isBoolean()) {
      p.add(field + " must be a boolean");
    }
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI uri = new URI(s);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  // The pages accept .jpg, .jpeg and .png; a URL without an extension cannot be judged here.
  private static String imageFormatProblem(String url) {
    String path = URI.create(url).getPath();
    if (path == null) return null;
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot < 0) return null;
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return IMAGE_EXTENSIONS.contains(ext)
        ? null
        : "unsupported image format ." + ext + ": use jpg, jpeg or png";
  }

  private SimResponse taskResult(SimRequest request) {
    String id = request.queryParameter("task_id");
    if (id == null || id.isEmpty()) {
      return error(400, "INVALID_REQUEST_BODY", "task_id is required");
    }
    SimJob job = job(id);
    if (job == null) {
      return error(404, "TASK_NOT_FOUND", "task not found");
    }
    Map<String, Object> body = taskResultBody(job, job.observe());
    return body == null
        ? error(404, "TASK_NOT_FOUND", "task not found")
        : SimResponse.json(200, body);
  }

  /** The task-result answer's body for {@code job} in {@code phase}; null when it has expired. */
  private @Nullable Map<String, Object> taskResultBody(SimJob job, JobPhase phase) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task_id", job.id());
    task.put("task_type", model.path.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'));
    Integer progress = null;
    Integer eta = null;
    String reason = null;
    List<Object> videos = new ArrayList<>();
    switch (phase.state()) {
      case QUEUED:
        task.put("status", "TASK_STATUS_QUEUED");
        break;
      case RUNNING:
        task.put("status", "TASK_STATUS_PROCESSING");
        progress = phase.progressPercent();
        eta = phase.etaSeconds();
        break;
      case SUCCEEDED:
        task.put("status", "TASK_STATUS_SUCCEED");
        progress = 100;
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("video_url", videoUrl(job.id()));
        video.put("video_url_ttl", "3600");
        video.put("video_type", "mp4");
        videos.add(video);
        break;
      case FAILED:
        task.put("status", "TASK_STATUS_FAILED");
        reason = phase.failureReason();
        break;
      case MODERATED:
        task.put("status", "TASK_STATUS_FAILED");
        reason = "ILLEGAL_IMAGE_CONTENT: " + phase.failureReason();
        break;
      case CANCELLED:
        task.put("status", "TASK_STATUS_FAILED");
        reason = "TASK_CANCELLED";
        break;
      case EXPIRED:
        return null;
      default:
        throw new AssertionError(phase);
    }
    boolean zeros = emitZeroValues;
    if (reason != null || zeros) task.put("reason", reason == null ? "" : reason);
    if (eta != null || zeros) task.put("eta", eta == null ? 0 : eta);
    if (progress != null || zeros) task.put("progress_percent", progress == null ? 0 : progress);

    Map<String, Object> extra = new LinkedHashMap<>();
    JsonNode submitted = (JsonNode) job.submittedBody();
    JsonNode seed = submitted.get("seed");
    extra.put("seed", seed != null && seed.isIntegralNumber() ? seed.asText() : "1234567");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", task);
    body.put("extra", extra);
    body.put("images", Literals.list());
    body.put("videos", videos);
    body.put("audios", Literals.list());
    return body;
  }

  /**
   * Makes {@link #sendCallback} POST the callbacks over HTTP to the {@code extra.webhook.url} each
   * submit carried.
   *
   * @return the sender, to script faults ({@link CallbackSender#nextFaults}) and read deliveries
   */
  public CallbackSender callbacksTo() {
    return callbacksTo(CallbackSender.http());
  }

  /** {@link #callbacksTo()} by {@code transport}. */
  public CallbackSender callbacksTo(CallbackSender.Transport transport) {
    return newCallbackSender(transport);
  }

  /**
   * Sends the callback of job {@code jobId}'s end (its lifecycle's terminal phase), as Novita's
   * "Webhook" page describes: {@code {"event_type": "ASYNC_TASK_RESULT", "payload": <the
   * task-result answer>}} to the {@code extra.webhook.url} of the job's submit, query and all. The
   * page documents no signature, so {@link CallbackSender.Fault#WRONG_SIGNATURE} sends to the URL
   * with every query parameter's value altered (a forger who knows the URL but not its token);
   * {@link CallbackSender.Fault#OLD_TIMESTAMP} changes nothing.
   *
   * @throws IllegalStateException before {@link #callbacksTo}, when the submit carried no {@code
   *     extra.webhook.url} or when the job has expired
   * @throws IllegalArgumentException when there is no job {@code jobId}
   */
  public void sendCallback(String jobId) {
    CallbackSender sender = callbackSender();
    SimJob job = job(jobId);
    if (job == null) throw new IllegalArgumentException("no job " + jobId);
    JsonNode url = ((JsonNode) job.submittedBody()).path("extra").path("webhook").path("url");
    if (!url.isTextual()) {
      throw new IllegalStateException("the submit of " + jobId + " carried no extra.webhook.url");
    }
    Map<String, Object> payload = taskResultBody(job, job.lifecycle().terminalPhase());
    if (payload == null) throw new IllegalStateException(jobId + " expires: no callback");
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("event_type", "ASYNC_TASK_RESULT");
    event.put("payload", payload);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(event);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    String target = url.asText();
    sender.send(
        bytes,
        (b, ts, nonce, forge) ->
            new CallbackSender.Signed(forge ? forged(target) : target, Literals.map()));
  }

  /** {@code url} with every query parameter's value changed: its token no longer verifies. */
  private static String forged(String url) {
    int q = url.indexOf('?');
    if (q < 0) return url;
    int end = url.indexOf('#', q);
    String query = url.substring(q + 1, end < 0 ? url.length() : end);
    StringBuilder sb = new StringBuilder(url.substring(0, q + 1));
    String[] pairs = query.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) sb.append('&');
      sb.append(pairs[i]).append(pairs[i].indexOf('=') < 0 ? "=forged" : "-forged");
    }
    return sb.append(end < 0 ? "" : url.substring(end)).toString();
  }
}
