package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoSource;
import java.util.Base64;

/**
 * An {@link ImageToVideoRequest} or an {@link ExtendVideoRequest} as it is stored in workflow
 * history: plain JSON, no secrets; the image as a URL, a provider image id, or at most {@link
 * #MAX_INLINE_IMAGE_BYTES} inline bytes; an extend's video as a task token, a URL or a provider
 * media id (never a file or bytes). Unset fields are {@code null} and mean "the provider's
 * default", as in the request. An extend is the request whose {@code extendTaskToken}, {@code
 * extendVideoUrl} or {@code extendMediaId} is set.
 *
 * <p>Build it with {@link #from(ImageToVideoRequest)} or {@link #from(ExtendVideoRequest)}; the
 * setters exist for the JSON converter.
 */
public final class VideoRequest {
  /**
   * Largest image accepted inline: 64 KiB. Every workflow history holds its input, and Temporal
   * warns about payloads from 256 KiB and rejects them from 2 MiB; a larger image belongs in object
   * storage, passed as a URL, or uploaded to the provider first (a provider image id).
   */
  public static final int MAX_INLINE_IMAGE_BYTES = 64 * 1024;

  private String imageUrl;
  private String imageBase64;
  private String imageMimeType;
  private String providerImageId;
  private String prompt;
  private String negativePrompt;
  private Long durationSeconds;
  private String quality;
  private Long seed;
  private Boolean audio;
  private Boolean multiClip;
  private Double cfgScale;
  private String thinkingType;
  private String style;
  private String motionMode;
  private Boolean fastMode;
  private String model;
  private String templateId;
  private String extendTaskToken;
  private String extendVideoUrl;
  private Long extendMediaId;

  /** For the JSON converter; use {@link #from(ImageToVideoRequest)}. */
  public VideoRequest() {}

  /**
   * The history form of {@code request}.
   *
   * @throws IllegalArgumentException when the image is a local file (a path on the starter's
   *     machine means nothing to a worker) or inline bytes above {@link #MAX_INLINE_IMAGE_BYTES};
   *     thrown before any workflow starts, so nothing is submitted
   */
  public static VideoRequest from(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    VideoRequest r = new VideoRequest();
    ImageInput image = request.image();
    switch (image.kind()) {
      case URL:
        r.imageUrl = image.url().toString();
        break;
      case PROVIDER_IMAGE_ID:
        r.providerImageId = image.providerImageId();
        break;
      case BYTES:
        byte[] bytes = image.bytes();
        if (bytes.length > MAX_INLINE_IMAGE_BYTES) {
          throw new IllegalArgumentException(
              "The image has "
                  + bytes.length
                  + " bytes; a workflow keeps at most "
                  + MAX_INLINE_IMAGE_BYTES
                  + " inline (every byte is stored in its history). Put the image in storage the"
                  + " provider can read and pass ImageInput.url(..), or upload it first and pass"
                  + " ImageInput.providerImageId(..).");
        }
        r.imageBase64 = Base64.getEncoder().encodeToString(bytes);
        r.imageMimeType = image.mimeType();
        break;
      default:
        throw new IllegalArgumentException(
            "The image is a local file ("
                + image.file()
                + "), which a worker on another machine cannot read: pass ImageInput.url(..),"
                + " ImageInput.providerImageId(..) or, up to "
                + MAX_INLINE_IMAGE_BYTES
                + " bytes, ImageInput.bytes(..).");
    }
    r.prompt = request.prompt();
    r.negativePrompt = request.negativePrompt().orElse(null);
    r.durationSeconds = request.durationSeconds().orElse(null);
    r.quality = request.quality().map(Enum::name).orElse(null);
    r.seed = request.seed().orElse(null);
    r.audio = request.audio().orElse(null);
    r.multiClip = request.multiClip().orElse(null);
    r.cfgScale = request.cfgScale().orElse(null);
    r.thinkingType = request.thinkingType().orElse(null);
    r.style = request.style().orElse(null);
    r.motionMode = request.motionMode().map(Enum::name).orElse(null);
    r.fastMode = request.fastMode().orElse(null);
    r.model = request.model().map(Model::name).orElse(null);
    r.templateId = request.templateId().orElse(null);
    return r;
  }

  /**
   * The history form of an extend.
   *
   * @throws IllegalArgumentException when the video is a local file or bytes: a path on the
   *     starter's machine means nothing to a worker, and a video does not belong in history; thrown
   *     before any workflow starts, so nothing is submitted
   */
  public static VideoRequest from(ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    VideoRequest r = new VideoRequest();
    VideoSource source = request.source();
    switch (source.kind()) {
      case TASK:
        r.extendTaskToken = source.task().token();
        break;
      case URL:
        r.extendVideoUrl = source.url().toString();
        break;
      case PROVIDER_MEDIA_ID:
        r.extendMediaId = source.providerMediaId();
        break;
      default:
        throw new IllegalArgumentException(
            "The video to extend is "
                + (source.kind() == VideoSource.Kind.FILE
                    ? "a local file ("
                        + source.file()
                        + "), which a worker on another machine cannot read"
                    : source.byteCount()
                        + " bytes in memory, which do not belong in workflow history (every byte is"
                        + " stored there)")
                + ": pass VideoSource.task(..) (a finished task of the provider),"
                + " VideoSource.url(..) (storage the provider can read) or"
                + " VideoSource.providerMediaId(..).");
    }
    r.prompt = request.prompt();
    r.negativePrompt = request.negativePrompt().orElse(null);
    r.durationSeconds = request.durationSeconds().orElse(null);
    r.quality = request.quality().map(Enum::name).orElse(null);
    r.seed = request.seed().orElse(null);
    r.style = request.style().orElse(null);
    r.motionMode = request.motionMode().map(Enum::name).orElse(null);
    r.model = request.model().map(Model::name).orElse(null);
    r.templateId = request.templateId().orElse(null);
    return r;
  }

  /** Whether this is an extend ({@link #toExtendRequest}) rather than an image-to-video request. */
  public boolean extendsVideo() {
    return extendTaskToken != null || extendVideoUrl != null || extendMediaId != null;
  }

  /** The extend again, for the worker's {@code VideoClient}; see {@link #extendsVideo()}. */
  public ExtendVideoRequest toExtendRequest() {
    ExtendVideoRequest.Builder b = ExtendVideoRequest.builder();
    if (extendTaskToken != null) {
      b.source(VideoSource.task(TaskHandle.parse(extendTaskToken)));
    } else if (extendVideoUrl != null) {
      b.source(VideoSource.url(extendVideoUrl));
    } else if (extendMediaId != null) {
      b.source(VideoSource.providerMediaId(extendMediaId));
    } else {
      throw new IllegalArgumentException(
          "the request has no video to extend (extendTaskToken, extendVideoUrl or"
              + " extendMediaId)");
    }
    if (prompt == null) throw new IllegalArgumentException("the request has no prompt");
    b.prompt(prompt);
    if (negativePrompt != null) b.negativePrompt(negativePrompt);
    if (durationSeconds != null) b.durationSeconds(durationSeconds);
    if (quality != null) b.quality(Quality.valueOf(quality));
    if (seed != null) b.seed(seed);
    if (style != null) b.style(style);
    if (motionMode != null) b.motionMode(MotionMode.valueOf(motionMode));
    if (model != null) b.model(Model.of(model));
    if (templateId != null) b.templateId(templateId);
    return b.build();
  }

  /** The request again, for the worker's {@code VideoClient}. */
  public ImageToVideoRequest toRequest() {
    ImageToVideoRequest.Builder b = ImageToVideoRequest.builder();
    if (imageUrl != null) {
      b.image(ImageInput.url(imageUrl));
    } else if (providerImageId != null) {
      b.image(ImageInput.providerImageId(providerImageId));
    } else if (imageBase64 != null) {
      byte[] bytes = Base64.getDecoder().decode(imageBase64);
      if (bytes.length > MAX_INLINE_IMAGE_BYTES) {
        throw new IllegalArgumentException(
            "inline image of " + bytes.length + " bytes exceeds " + MAX_INLINE_IMAGE_BYTES);
      }
      b.image(
          ImageInput.bytes(
              bytes, imageMimeType == null ? "application/octet-stream" : imageMimeType));
    } else {
      throw new IllegalArgumentException(
          "the request has no image (imageUrl, providerImageId or imageBase64)");
    }
    if (prompt == null) throw new IllegalArgumentException("the request has no prompt");
    b.prompt(prompt);
    if (negativePrompt != null) b.negativePrompt(negativePrompt);
    if (durationSeconds != null) b.durationSeconds(durationSeconds);
    if (quality != null) b.quality(Quality.valueOf(quality));
    if (seed != null) b.seed(seed);
    if (audio != null) b.audio(audio);
    if (multiClip != null) b.multiClip(multiClip);
    if (cfgScale != null) b.cfgScale(cfgScale);
    if (thinkingType != null) b.thinkingType(thinkingType);
    if (style != null) b.style(style);
    if (motionMode != null) b.motionMode(MotionMode.valueOf(motionMode));
    if (fastMode != null) b.fastMode(fastMode);
    if (model != null) b.model(Model.of(model));
    if (templateId != null) b.templateId(templateId);
    return b.build();
  }

  public String getImageUrl() {
    return imageUrl;
  }

  public void setImageUrl(String imageUrl) {
    this.imageUrl = imageUrl;
  }

  /**
   * The inline image, base64 (standard alphabet), at most {@link #MAX_INLINE_IMAGE_BYTES} decoded.
   */
  public String getImageBase64() {
    return imageBase64;
  }

  public void setImageBase64(String imageBase64) {
    this.imageBase64 = imageBase64;
  }

  public String getImageMimeType() {
    return imageMimeType;
  }

  public void setImageMimeType(String imageMimeType) {
    this.imageMimeType = imageMimeType;
  }

  public String getProviderImageId() {
    return providerImageId;
  }

  public void setProviderImageId(String providerImageId) {
    this.providerImageId = providerImageId;
  }

  public String getPrompt() {
    return prompt;
  }

  public void setPrompt(String prompt) {
    this.prompt = prompt;
  }

  public String getNegativePrompt() {
    return negativePrompt;
  }

  public void setNegativePrompt(String negativePrompt) {
    this.negativePrompt = negativePrompt;
  }

  public Long getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Long durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  /** A {@link Quality} constant name such as {@code P720}. */
  public String getQuality() {
    return quality;
  }

  public void setQuality(String quality) {
    this.quality = quality;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public Boolean getAudio() {
    return audio;
  }

  public void setAudio(Boolean audio) {
    this.audio = audio;
  }

  public Boolean getMultiClip() {
    return multiClip;
  }

  public void setMultiClip(Boolean multiClip) {
    this.multiClip = multiClip;
  }

  public Double getCfgScale() {
    return cfgScale;
  }

  public void setCfgScale(Double cfgScale) {
    this.cfgScale = cfgScale;
  }

  public String getThinkingType() {
    return thinkingType;
  }

  public void setThinkingType(String thinkingType) {
    this.thinkingType = thinkingType;
  }

  public String getStyle() {
    return style;
  }

  public void setStyle(String style) {
    this.style = style;
  }

  /** A {@link MotionMode} constant name. */
  public String getMotionMode() {
    return motionMode;
  }

  public void setMotionMode(String motionMode) {
    this.motionMode = motionMode;
  }

  public Boolean getFastMode() {
    return fastMode;
  }

  public void setFastMode(Boolean fastMode) {
    this.fastMode = fastMode;
  }

  /** A model name such as {@code v6}. */
  public String getModel() {
    return model;
  }

  public void setModel(String model) {
    this.model = model;
  }

  public String getTemplateId() {
    return templateId;
  }

  public void setTemplateId(String templateId) {
    this.templateId = templateId;
  }

  /** The token of the finished task an extend continues ({@code TaskHandle.token()}). */
  public String getExtendTaskToken() {
    return extendTaskToken;
  }

  public void setExtendTaskToken(String extendTaskToken) {
    this.extendTaskToken = extendTaskToken;
  }

  /** The public URL of the video an extend continues. */
  public String getExtendVideoUrl() {
    return extendVideoUrl;
  }

  public void setExtendVideoUrl(String extendVideoUrl) {
    this.extendVideoUrl = extendVideoUrl;
  }

  /** The provider's media id of the video an extend continues. */
  public Long getExtendMediaId() {
    return extendMediaId;
  }

  public void setExtendMediaId(Long extendMediaId) {
    this.extendMediaId = extendMediaId;
  }

  @Override
  public String toString() {
    String image =
        extendTaskToken != null
            ? "extend task=" + extendTaskToken
            : extendVideoUrl != null
                ? "extend url=" + extendVideoUrl
                : extendMediaId != null
                    ? "extend mediaId=" + extendMediaId
                    : imageUrl != null
                        ? "url=" + imageUrl
                        : providerImageId != null
                            ? "providerImageId=" + providerImageId
                            : imageBase64 != null ? "inline " + imageMimeType : "none";
    return "VideoRequest{" + image + ", prompt=" + prompt + "}";
  }
}
