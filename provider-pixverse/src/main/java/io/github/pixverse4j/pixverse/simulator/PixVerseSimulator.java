package io.github.pixverse4j.pixverse.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.VideoSource;
import io.github.pixverse4j.api.internal.VideoSniffer;
import io.github.pixverse4j.pixverse.PixVerseWebhook.SignatureForm;
import io.github.pixverse4j.pixverse.internal.PixVerseSignature;
import io.github.pixverse4j.simulator.CallbackSender;
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
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PixVerse platform API (from the platform's OpenAPI reference): image upload, image-to-video
 * generation and result polling, with the {@code {ErrCode, ErrMsg, Resp}} envelope.
 *
 * <ul>
 *   <li>{@code POST /openapi/v2/image/upload} (endpoint {@code "upload"}): multipart with a file
 *       part {@code image} (JPEG, PNG or WebP by magic bytes, smaller than 20 MiB) or a form field
 *       {@code image_url}; issues a numeric {@code img_id}. After {@link #moderateNextUpload()} it
 *       answers HTTP 500 with the lower-case body {@code {err_code: 500052, err_msg, resp}}.
 *   <li>{@code POST /openapi/v2/video/img/generate} ({@code "submit"}): JSON validated as the API
 *       reference describes; creates the job; {@code Resp: {video_id}} (a number, or a string after
 *       {@link #videoIdsAsStrings(boolean)}).
 *   <li>{@code POST /openapi/v2/media/upload} ({@code "media-upload"}): multipart with a file part
 *       {@code file} (MP4, QuickTime or WebM by its first bytes, at most 50 MiB) or a form field
 *       {@code file_url}; issues a numeric {@code media_id} above 2^53 (as real ids are), with
 *       {@code media_type "video"}.
 *   <li>{@code POST /openapi/v2/video/extend/generate} ({@code "extend"}): JSON with exactly one of
 *       {@code source_video_id} (a job of this simulator that succeeded) and {@code video_media_id}
 *       (an uploaded video), both integers, and the settings of a generate; an unknown source is
 *       {@code ErrCode 400017} "couldn't find a matching source_video_id" (or video_media_id), a
 *       wrong type {@code 400013}; creates a job polled at the result endpoint like any other.
 *   <li>{@code GET /openapi/v2/video/result/{video_id}} ({@code "status"}): status 5 while the job
 *       is queued or running, then 1 (success, with url, outputWidth/Height, seed, size), 7
 *       (moderated), 8 (failed or cancelled) or 6 (expired: deleted).
 * </ul>
 *
 * <p>Every request needs {@code API-KEY} (missing or wrong: HTTP 200 with {@code ErrCode 400012},
 * "invalid account") and a non-blank {@code Ai-trace-id} (missing: {@code ErrCode 400011}, empty
 * parameter). Business errors are HTTP 200 with a nonzero {@code ErrCode}: 400011 for a missing
 * parameter, 400017 for an invalid one (also an unknown {@code img_id} or {@code video_id}, which
 * the docs leave unspecified).
 */
public final class PixVerseSimulator extends ProviderSimulator {
  /** {@code ErrCode} of a missing parameter or header. */
  public static final int EMPTY_PARAMETER = 400011;

  /** {@code ErrCode} of a missing or wrong API key. */
  public static final int INVALID_ACCOUNT = 400012;

  /** {@code ErrCode} of an invalid parameter. */
  public static final int INVALID_PARAMETER = 400017;

  /** {@code ErrCode} of a parameter of the wrong type or value. */
  public static final int INVALID_VALUE = 400013;

  /** {@code ErrCode} of the concurrency limit. */
  public static final int CONCURRENCY_LIMIT = 500044;

  /** {@code err_code} of an image refused by moderation at upload. */
  public static final int IMAGE_MODERATED = 500052;

  private static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
  private static final long MAX_VIDEO_BYTES = 50L * 1024 * 1024;

  /** The first media id issued: 2^53 + 1, which a {@code double} cannot hold. */
  public static final long FIRST_MEDIA_ID = (1L << 53) + 1;

  private static final Set<String> MODELS = set("v3.5", "v4", "v4.5");
  private static final Set<String> QUALITIES = set("360p", "540p", "720p", "1080p");
  private static final Set<String> MOTION_MODES = set("normal", "fast");
  private static final Set<String> STYLES =
      set("anime", "3d_animation", "clay", "comic", "cyberpunk");

  private final AtomicLong imageIds = new AtomicLong(7_000_000L);

  /** Video ids are job numbers offset into PixVerse's 12-digit range: job 1 is 300000000001. */
  private static final long VIDEO_ID_BASE = 300_000_000_000L;

  private final Map<Long, UploadedImage> images = new ConcurrentHashMap<>();
  private final AtomicInteger moderateUploads = new AtomicInteger();
  private final AtomicLong mediaIds = new AtomicLong(FIRST_MEDIA_ID - 1);

  /** Uploaded videos by media id: the {@code file_url} given, or the file part's bytes. */
  private final Map<Long, Object> videos = new ConcurrentHashMap<>();

  private volatile boolean videoIdsAsStrings;

  /** What an upload received. */
  public static final class UploadedImage {
    private final long imgId;
    private final String url;
    private final String contentType;
    private final String fileName;
    private final byte[] bytes;
    private final boolean registered;

    UploadedImage(long imgId, String url, String contentType, String fileName, byte[] bytes) {
      this(imgId, url, contentType, fileName, bytes, false);
    }

    private UploadedImage(
        long imgId,
        String url,
        String contentType,
        String fileName,
        byte[] bytes,
        boolean registered) {
      this.imgId = imgId;
      this.url = url;
      this.contentType = contentType;
      this.fileName = fileName;
      this.bytes = bytes;
      this.registered = registered;
    }

    /** The image as a request gave it: its URL, its bytes, or (registered earlier) its id. */
    ImageInput asRequested() {
      if (registered) return ImageInput.providerImageId(Long.toString(imgId));
      if (url != null) return ImageInput.url(url);
      return ImageInput.bytes(
          bytes, contentType == null ? "application/octet-stream" : contentType);
    }

    public long imgId() {
      return imgId;
    }

    /** The {@code image_url} given, or null for a file upload. */
    public String url() {
      return url;
    }

    /** The file part's content type, or null. */
    public String contentType() {
      return contentType;
    }

    /** The file part's file name, or null. */
    public String fileName() {
      return fileName;
    }

    /** A copy of the file part's bytes, or null for a URL upload. */
    public byte[] bytes() {
      return bytes == null ? null : bytes.clone();
    }
  }

  public PixVerseSimulator(String apiKey) {
    super("pixverse", apiKey);
  }

  /** Registers this simulator for provider {@code pixverse}. */
  public static final class Factory implements SimulatorFactory {
    @Override
    public String providerId() {
      return "pixverse";
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new PixVerseSimulator(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"ErrCode\":0,\"ErrMsg\":\"success\",\"Resp\":{\"id\":1,\"status\":42,\"url\":\"\"}}";
    }

    @Override
    public Fault insufficientCredits() {
      // No confirmed PixVerse code for an exhausted balance (provider-pixverse README): a bare 402.
      return Fault.status(402, "{\"message\":\"insufficient balance\"}");
    }

    @Override
    public java.util.List<String> generateEndpoints() {
      return Literals.list("upload", "submit", "status");
    }

    @Override
    public String credentialHeader() {
      return "API-KEY";
    }

    @Override
    public boolean reportsCancellation() {
      // Status 8 means "failed or cancelled" (provider-pixverse README): no way to tell.
      return false;
    }
  }

  @Override
  public PixVerseSimulator start() {
    super.start();
    return this;
  }

  @Override
  protected void configure(Routes routes) {
    routes
        .add("POST", "/openapi/v2/image/upload", "upload", this::upload)
        .add("POST", "/openapi/v2/video/img/generate", "submit", this::generate)
        .add("POST", "/openapi/v2/media/upload", "media-upload", this::mediaUpload)
        .add("POST", "/openapi/v2/video/extend/generate", "extend", this::extend)
        .add("GET", "/openapi/v2/video/result/([^/]+)", "status", this::result);
  }

  @Override
  protected SimResponse checkAuth(RecordedRequest request) {
    String key = request.header("API-KEY");
    if (key == null || !apiKey().equals(key.trim())) {
      return error(200, INVALID_ACCOUNT, "Invalid account");
    }
    String trace = request.header("Ai-trace-id");
    if (trace == null || trace.trim().isEmpty()) {
      return error(200, EMPTY_PARAMETER, "Empty parameter: Ai-trace-id");
    }
    return null;
  }

  /**
   * The next upload (only the next one) is refused by moderation: HTTP 500, {@code err_code
   * 500052}.
   */
  public PixVerseSimulator moderateNextUpload() {
    moderateUploads.incrementAndGet();
    return this;
  }

  /** Answer {@code video_id} as a JSON string, as some relays do, instead of a number. */
  public PixVerseSimulator videoIdsAsStrings(boolean asStrings) {
    this.videoIdsAsStrings = asStrings;
    return this;
  }

  /** Registers an image as if uploaded earlier (for requests that pass an {@code img_id}). */
  public long addUploadedImage() {
    long id = imageIds.incrementAndGet();
    images.put(
        id, new UploadedImage(id, "https://example.com/earlier.png", null, null, null, true));
    return id;
  }

  /** The image an upload issued {@code imgId} for, or null. */
  public UploadedImage uploadedImage(long imgId) {
    return images.get(imgId);
  }

  /** Registers a video as if uploaded earlier, for extends that pass a {@code video_media_id}. */
  public long addUploadedVideo() {
    long id = mediaIds.incrementAndGet();
    videos.put(id, "https://example.com/earlier.mp4");
    return id;
  }

  /** How many videos were uploaded or registered. */
  public int uploadedVideoCount() {
    return videos.size();
  }

  /** Every image uploaded or registered, in no particular order. */
  public List<UploadedImage> uploadedImages() {
    return Collections.unmodifiableList(new java.util.ArrayList<>(images.values()));
  }

  @Override
  public void reset() {
    super.reset();
    images.clear();
    videos.clear();
    moderateUploads.set(0);
    videoIdsAsStrings = false;
  }

  // ---- upload ----

  /**
   * The one part of a multipart upload, {@code fileName}'s (non-empty) or {@code urlName}'s; an
   * error answer when the body is not multipart or has neither or both.
   */
  private static Object onePart(SimRequest request, String fileName, String urlName) {
    String boundary = PixVerseMultipart.boundary(request.header("Content-Type"));
    if (boundary == null)
      return error(200, INVALID_PARAMETER, "invalid param: expected multipart/form-data");
    List<PixVerseMultipart.Part> parts;
    try {
      parts = PixVerseMultipart.parse(request.body(), boundary);
    } catch (IllegalArgumentException e) {
      return error(200, INVALID_PARAMETER, "invalid param: " + e.getMessage());
    }
    PixVerseMultipart.Part file = null;
    PixVerseMultipart.Part url = null;
    for (PixVerseMultipart.Part p : parts) {
      if (p.name.equals(fileName)) file = p;
      if (p.name.equals(urlName)) url = p;
    }
    if (file == null && url == null)
      return error(200, EMPTY_PARAMETER, "Empty parameter: " + fileName + " or " + urlName);
    if (file != null && url != null) {
      return error(
          200,
          INVALID_PARAMETER,
          "invalid param: give " + fileName + " or " + urlName + ", not both");
    }
    if (file != null && file.content.length == 0)
      return error(200, EMPTY_PARAMETER, "Empty parameter: " + fileName);
    return file != null ? file : url;
  }

  private SimResponse upload(SimRequest request) {
    Object one = onePart(request, "image", "image_url");
    if (one instanceof SimResponse) return (SimResponse) one;
    PixVerseMultipart.Part file =
        ((PixVerseMultipart.Part) one).name.equals("image") ? (PixVerseMultipart.Part) one : null;
    PixVerseMultipart.Part url = file == null ? (PixVerseMultipart.Part) one : null;
    if (file != null) {
      if (file.content.length >= MAX_IMAGE_BYTES)
        return error(200, INVALID_PARAMETER, "invalid param: image exceeds 20MB");
      if (!isImage(file.content))
        return error(200, INVALID_PARAMETER, "invalid param: image must be jpg, jpeg, png or webp");
    } else if (!isHttpUrl(url.text())) {
      return error(200, INVALID_PARAMETER, "invalid param: image_url");
    }
    if (takeModeration()) {
      return SimResponse.rawJson(
          500,
          "{\"err_code\":"
              + IMAGE_MODERATED
              + ",\"err_msg\":\"This image contains unsupported content\",\"resp\":null}");
    }
    long id = imageIds.incrementAndGet();
    String imgUrl = url != null ? url.text() : "https://media.pixverse.ai/openapi/" + id + ".png";
    images.put(
        id,
        file != null
            ? new UploadedImage(id, null, file.contentType, file.fileName, file.content)
            : new UploadedImage(id, url.text(), null, null, null));
    Map<String, Object> resp = new LinkedHashMap<>();
    resp.put("img_id", id);
    resp.put("img_url", imgUrl);
    return ok(resp);
  }

  // ---- media upload and extend ----

  private SimResponse mediaUpload(SimRequest request) {
    Object one = onePart(request, "file", "file_url");
    if (one instanceof SimResponse) return (SimResponse) one;
    PixVerseMultipart.Part file =
        ((PixVerseMultipart.Part) one).name.equals("file") ? (PixVerseMultipart.Part) one : null;
    PixVerseMultipart.Part url = file == null ? (PixVerseMultipart.Part) one : null;
    if (file != null) {
      if (file.content.length > MAX_VIDEO_BYTES)
        return error(200, INVALID_PARAMETER, "invalid param: file exceeds 50MB");
      if (VideoSniffer.mimeType(file.content, file.content.length) == null) {
        return error(200, INVALID_PARAMETER, "invalid param: file must be mp4, mov or webm");
      }
    } else if (!isHttpUrl(url.text())) {
      return error(200, INVALID_PARAMETER, "invalid param: file_url");
    }
    long id = mediaIds.incrementAndGet();
    videos.put(id, file != null ? file.content : url.text());
    Map<String, Object> resp = new LinkedHashMap<>();
    resp.put("media_id", id);
    resp.put("media_type", "video");
    resp.put("url", url != null ? url.text() : "https://media.pixverse.ai/openapi/" + id + ".mp4");
    return ok(resp);
  }

  private SimResponse extend(SimRequest request) {
    Object parsed = jsonObject(request);
    if (parsed instanceof SimResponse) return (SimResponse) parsed;
    JsonNode body = (JsonNode) parsed;
    JsonNode source = body.get("source_video_id");
    JsonNode media = body.get("video_media_id");
    if (source == null && media == null)
      return error(200, EMPTY_PARAMETER, "Empty parameter: source_video_id or video_media_id");
    if (source != null && media != null) {
      return error(
          200,
          INVALID_PARAMETER,
          "invalid param: choose either source_video_id or video_media_id, not both");
    }
    JsonNode id = source != null ? source : media;
    if (!id.isIntegralNumber() || !id.canConvertToLong()) {
      return error(
          200,
          INVALID_VALUE,
          "invalid value: "
              + (source != null ? "source_video_id" : "video_media_id")
              + " must be an integer");
    }
    String missing = missing(body, "prompt", "model", "duration", "quality");
    if (missing != null) return error(200, EMPTY_PARAMETER, "Empty parameter: " + missing);
    String problem = invalidSettings(body);
    if (problem != null) return error(200, INVALID_PARAMETER, "invalid param: " + problem);
    if (source != null) {
      SimJob earlier = job(Long.toString(id.asLong()));
      if (earlier == null
          || earlier.peek().state() != io.github.pixverse4j.simulator.JobState.SUCCEEDED) {
        return error(200, INVALID_PARAMETER, "couldn't find a matching source_video_id");
      }
    } else if (!videos.containsKey(id.asLong())) {
      return error(200, INVALID_PARAMETER, "couldn't find a matching video_media_id");
    }
    DecodedRequest.Builder meant = settings(body);
    if (source != null) {
      meant.sourceTaskId(Long.toString(id.asLong()));
    } else {
      Object video = videos.get(id.asLong());
      meant.sourceVideo(
          video instanceof byte[]
              ? VideoSource.bytes((byte[]) video)
              : VideoSource.url((String) video));
    }
    return created(body, meant.build());
  }

  private boolean takeModeration() {
    while (true) {
      int n = moderateUploads.get();
      if (n == 0) return false;
      if (moderateUploads.compareAndSet(n, n - 1)) return true;
    }
  }

  private static boolean isImage(byte[] b) {
    boolean png =
        b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    boolean jpeg =
        b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    boolean webp =
        b.length >= 12
            && b[0] == 'R'
            && b[1] == 'I'
            && b[2] == 'F'
            && b[3] == 'F'
            && b[8] == 'W'
            && b[9] == 'E'
            && b[10] == 'B'
            && b[11] == 'P';
    return png || jpeg || webp;
  }

  private static boolean isHttpUrl(String s) {
    try {
      URI u = new URI(s.trim());
      return u.getHost() != null && ("http".equals(u.getScheme()) || "https".equals(u.getScheme()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  // ---- generate ----

  private SimResponse generate(SimRequest request) {
    Object parsed = jsonObject(request);
    if (parsed instanceof SimResponse) return (SimResponse) parsed;
    JsonNode body = (JsonNode) parsed;
    String missing = missing(body, "img_id", "prompt", "model", "duration", "quality");
    if (missing != null) return error(200, EMPTY_PARAMETER, "Empty parameter: " + missing);
    String problem = invalidImage(body);
    if (problem == null) problem = invalidSettings(body);
    if (problem != null) return error(200, INVALID_PARAMETER, "invalid param: " + problem);
    return created(
        body, settings(body).image(images.get(body.get("img_id").asLong()).asRequested()).build());
  }

  /** What the settings a generate and an extend share meant (after {@link #invalidSettings}). */
  private static DecodedRequest.Builder settings(JsonNode b) {
    return DecodedRequest.builder()
        .fromJson(b, "prompt", Setting.PROMPT)
        .fromJson(b, "model", Setting.MODEL)
        .fromJson(b, "duration", Setting.DURATION_SECONDS)
        .fromJson(b, "quality", Setting.QUALITY)
        .fromJson(b, "negative_prompt", Setting.NEGATIVE_PROMPT)
        .fromJson(b, "motion_mode", Setting.MOTION_MODE)
        .fromJson(b, "seed", Setting.SEED)
        .fromJson(b, "template_id", Setting.TEMPLATE_ID)
        .fromJson(b, "style", Setting.STYLE);
  }

  /** The request's JSON object, or the error answer when the body is not one. */
  private static Object jsonObject(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return error(200, INVALID_PARAMETER, "invalid param: body is not JSON");
    }
    if (!body.isObject())
      return error(200, INVALID_PARAMETER, "invalid param: body is not an object");
    return body;
  }

  /** A new job for an accepted generate or extend: {@code Resp: {video_id}}. */
  private SimResponse created(JsonNode body, DecodedRequest meant) {
    String videoId = Long.toString(VIDEO_ID_BASE + newJobNumber());
    SimJob job = createJobWithinLimit(videoId, body, meant);
    if (job == null) {
      return error(200, CONCURRENCY_LIMIT, "Reached the limit for concurrent generations");
    }
    Map<String, Object> resp = new LinkedHashMap<>();
    boolean numeric = job.id().chars().allMatch(c -> c >= '0' && c <= '9');
    resp.put(
        "video_id", videoIdsAsStrings || !numeric ? job.id() : (Object) Long.parseLong(job.id()));
    return ok(resp);
  }

  /** The first of {@code required} that is absent, null or an empty string; null when none. */
  private static String missing(JsonNode body, String... required) {
    for (String name : required) {
      JsonNode n = body.get(name);
      if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) return name;
    }
    return null;
  }

  private String invalidImage(JsonNode b) {
    if (!b.get("img_id").isIntegralNumber()) return "img_id must be an integer";
    if (!images.containsKey(b.get("img_id").asLong()))
      return "img_id " + b.get("img_id").asLong() + " is unknown";
    return null;
  }

  /** The settings a generate and an extend share, as the API reference describes them. */
  private static String invalidSettings(JsonNode b) {
    if (!b.get("prompt").isTextual()
        || b.get("prompt").asText().codePointCount(0, b.get("prompt").asText().length()) > 2048) {
      return "prompt must be a string of at most 2048 characters";
    }
    if (!b.get("model").isTextual() || !MODELS.contains(b.get("model").asText()))
      return "model must be v3.5, v4 or v4.5";
    JsonNode duration = b.get("duration");
    if (!duration.isIntegralNumber() || (duration.asInt() != 5 && duration.asInt() != 8))
      return "duration must be 5 or 8";
    String quality = b.get("quality").asText();
    if (!b.get("quality").isTextual() || !QUALITIES.contains(quality))
      return "quality must be 360p, 540p, 720p or 1080p";
    if (quality.equals("1080p") && duration.asInt() == 8) return "1080p doesn't support 8";
    JsonNode neg = b.get("negative_prompt");
    if (neg != null
        && (!neg.isTextual() || neg.asText().codePointCount(0, neg.asText().length()) > 2048)) {
      return "negative_prompt must be a string of at most 2048 characters";
    }
    JsonNode motion = b.get("motion_mode");
    if (motion != null) {
      if (!motion.isTextual() || !MOTION_MODES.contains(motion.asText()))
        return "motion_mode must be normal or fast";
      if (motion.asText().equals("fast") && duration.asInt() != 5)
        return "fast only allows 5-second duration";
      if (motion.asText().equals("fast") && quality.equals("1080p"))
        return "1080p doesn't support fast";
    }
    JsonNode seed = b.get("seed");
    if (seed != null
        && (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > 2147483647L)) {
      return "seed must be an integer between 0 and 2147483647";
    }
    JsonNode template = b.get("template_id");
    if (template != null && !template.isIntegralNumber()) return "template_id must be an integer";
    JsonNode style = b.get("style");
    if (style != null && (!style.isTextual() || !STYLES.contains(style.asText())))
      return "style is not supported";
    return null;
  }

  // ---- result ----

  private SimResponse result(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) return error(200, INVALID_PARAMETER, "invalid param: video_id");
    JobPhase phase = job.observe();
    JsonNode submitted = (JsonNode) job.submittedBody();
    Map<String, Object> resp = new LinkedHashMap<>();
    resp.put("create_time", job.createdAt().toString());
    resp.put("id", Long.parseLong(job.id()));
    resp.put("modify_time", clock().instant().toString());
    resp.put("negative_prompt", text(submitted, "negative_prompt"));
    resp.put("outputHeight", 0);
    resp.put("outputWidth", 0);
    resp.put("prompt", text(submitted, "prompt"));
    resp.put("resolution_ratio", resolution(submitted));
    resp.put("seed", submitted.has("seed") ? submitted.get("seed").asLong() : 0L);
    resp.put("size", 0);
    resp.put("style", text(submitted, "style"));
    resp.put("url", "");
    switch (phase.state()) {
      case QUEUED:
      case RUNNING:
        resp.put("status", 5);
        break;
      case SUCCEEDED:
        resp.put("status", 1);
        resp.put("url", videoUrl(job.id()));
        resp.put("outputWidth", 64);
        resp.put("outputHeight", 64);
        resp.put("size", mediaBytes().length);
        if (!submitted.has("seed")) resp.put("seed", 123456789L);
        break;
      case MODERATED:
        resp.put("status", 7);
        break;
      case EXPIRED:
        resp.put("status", 6);
        break;
      default: // FAILED; CANCELLED cannot happen (no cancel endpoint) and shows as a failure
        resp.put("status", 8);
    }
    return ok(resp);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? "" : n.asText();
  }

  private static int resolution(JsonNode body) {
    String q = text(body, "quality");
    return q.endsWith("p") ? Integer.parseInt(q.substring(0, q.length() - 1)) : 0;
  }

  // ---- envelope ----

  private static SimResponse ok(Object resp) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ErrCode", 0);
    json.put("ErrMsg", "success");
    json.put("Resp", resp);
    return SimResponse.json(200, json);
  }

  private static SimResponse error(int httpStatus, int code, String message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ErrCode", code);
    json.put("ErrMsg", message);
    json.put("Resp", null);
    return SimResponse.json(httpStatus, json);
  }

  private static Set<String> set(String... values) {
    return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(values)));
  }

  private volatile String callbackUrl;
  private volatile String callbackSecret;
  private volatile SignatureForm callbackForm = SignatureForm.SORTED_URLLIB;

  /**
   * Makes {@link #sendCallback} POST PixVerse's signed callbacks to {@code url} (a receiver on
   * loopback), signed with {@code secretKey} in {@code form}, one of the documented signature forms
   * (all of which the client accepts).
   *
   * @return the sender, to script faults ({@link CallbackSender#nextFaults}) and read deliveries
   */
  public CallbackSender callbacksTo(String url, String secretKey, SignatureForm form) {
    return callbacksTo(url, secretKey, form, CallbackSender.http());
  }

  /** {@link #callbacksTo(String, String, SignatureForm)} by {@code transport}. */
  public CallbackSender callbacksTo(
      String url, String secretKey, SignatureForm form, CallbackSender.Transport transport) {
    if (form == null) throw new NullPointerException("form == null");
    callbackUrl = url;
    callbackSecret = secretKey;
    callbackForm = form;
    return newCallbackSender(transport);
  }

  /**
   * Sends the callback of job {@code jobId}'s end (its lifecycle's terminal phase): {@code {id,
   * status, url, size, has_audio, credits}} with status 1 (and the video URL), 7 (moderated) or 8
   * (any other failure), signed as the guide says.
   *
   * @throws IllegalStateException before {@link #callbacksTo}
   */
  public void sendCallback(String jobId) {
    CallbackSender sender = callbackSender();
    SimJob job = job(jobId);
    JobState end = job.lifecycle().terminalPhase().state();
    int status = end == JobState.SUCCEEDED ? 1 : end == JobState.MODERATED ? 7 : 8;
    ObjectNode body = JSON.createObjectNode();
    body.put("id", job.id());
    body.put("status", status);
    body.put("url", status == 1 ? videoUrl(job.id()) : "");
    body.put("size", status == 1 ? 1.5 : 0);
    body.put("has_audio", false);
    body.put("credits", status == 1 ? 45 : 0);
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    String url = callbackUrl;
    String secret = callbackSecret;
    SignatureForm form = callbackForm;
    sender.send(
        bytes,
        (b, ts, nonce, forge) -> {
          String sig;
          try {
            sig =
                PixVerseSignature.signBase64(
                    forge ? secret + "-forged" : secret, Long.toString(ts), nonce, b, form);
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          Map<String, String> h = new java.util.LinkedHashMap<>();
          h.put("Webhook-Timestamp", Long.toString(ts));
          h.put("Webhook-Nonce", nonce);
          h.put("Webhook-Signature", sig);
          h.put("Ai-Trace-Id", java.util.UUID.randomUUID().toString());
          return new CallbackSender.Signed(url, h);
        });
  }
}
