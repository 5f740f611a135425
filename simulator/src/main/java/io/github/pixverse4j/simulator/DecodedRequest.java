package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.MotionMode;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.VideoSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's request meant to its simulator: every setting the simulator understood, decoded
 * from the wire in the protocol's own units (a duration of {@code "5"} or {@code 5000} ms, a
 * resolution {@code "720p"}, a model path) into the library's terms ({@link Setting}). A setting
 * the wire did not carry is absent; a protocol that always sends one (a required field the provider
 * fills with its default) reports that value.
 *
 * <p>A simulator reports it by passing it to {@link ProviderSimulator#createJob(String, Object,
 * DecodedRequest)}; tests read it from {@link SimJob#decoded()}. The testkit's contract sends a
 * request with every optional setting at distinctive values and requires each to arrive intact
 * here, so a provider that drops a seed, changes a setting or writes one the capabilities do not
 * declare fails (testkit README, "The contract sees the wire"). Decode only what an accepted body
 * says (validate first); the values are those the provider's server would act on.
 *
 * <p>Immutable; {@link #equals} compares the settings.
 */
public final class DecodedRequest {
  /**
   * A setting of {@link ImageToVideoRequest} or {@link ExtendVideoRequest}, with the type of its
   * decoded value. {@link #fieldName()} is the request's name for it, as in {@code
   * Violation.field()}.
   */
  public enum Setting {
    /**
     * The start image: {@code ImageInput.url(..)} for a URL, {@code ImageInput.bytes(..)} for an
     * uploaded file.
     */
    IMAGE("image", ImageInput.class),
    PROMPT("prompt", String.class),
    NEGATIVE_PROMPT("negativePrompt", String.class),
    /** The duration in whole seconds, a {@code Long}. */
    DURATION_SECONDS("duration", Long.class),
    QUALITY("quality", Quality.class),
    SEED("seed", Long.class),
    /** The model version ({@link Model}), from a body field or path. */
    MODEL("model", Model.class),
    AUDIO("audio", Boolean.class),
    MULTI_CLIP("multiClip", Boolean.class),
    CFG_SCALE("cfgScale", Double.class),
    THINKING_TYPE("thinkingType", String.class),
    STYLE("style", String.class),
    MOTION_MODE("motionMode", MotionMode.class),
    FAST_MODE("fastMode", Boolean.class),
    /** A template id in its decimal text, whether the wire sent a number or a string. */
    TEMPLATE_ID("templateId", String.class),
    /** An extend's source task: the provider's task id (the handle's {@code taskId()}). */
    SOURCE_TASK_ID("source", String.class),
    /** An extend's source video given as a URL, uploaded bytes or a provider media id. */
    SOURCE_VIDEO("source", VideoSource.class);

    private final String fieldName;
    private final Class<?> type;

    Setting(String fieldName, Class<?> type) {
      this.fieldName = fieldName;
      this.type = type;
    }

    /** The request's name of the setting, such as {@code "negativePrompt"} or {@code "seed"}. */
    public String fieldName() {
      return fieldName;
    }

    /** The type of the decoded value. */
    public Class<?> type() {
      return type;
    }

    /**
     * What {@code request} asks for this setting, in the decoded value's type; empty when it leaves
     * the setting unset (and always for the extend source settings).
     */
    public Optional<Object> of(ImageToVideoRequest request) {
      Objects.requireNonNull(request, "request == null");
      switch (this) {
        case IMAGE:
          return Optional.of(request.image());
        case PROMPT:
          return Optional.of(request.prompt());
        case NEGATIVE_PROMPT:
          return request.negativePrompt().map(Object.class::cast);
        case DURATION_SECONDS:
          return request.durationSeconds().map(Object.class::cast);
        case QUALITY:
          return request.quality().map(Object.class::cast);
        case SEED:
          return request.seed().map(Object.class::cast);
        case MODEL:
          return request.model().map(Object.class::cast);
        case AUDIO:
          return request.audio().map(Object.class::cast);
        case MULTI_CLIP:
          return request.multiClip().map(Object.class::cast);
        case CFG_SCALE:
          return request.cfgScale().map(Object.class::cast);
        case THINKING_TYPE:
          return request.thinkingType().map(Object.class::cast);
        case STYLE:
          return request.style().map(Object.class::cast);
        case MOTION_MODE:
          return request.motionMode().map(Object.class::cast);
        case FAST_MODE:
          return request.fastMode().map(Object.class::cast);
        case TEMPLATE_ID:
          return request.templateId().map(Object.class::cast);
        default:
          return Optional.empty();
      }
    }

    /**
     * What {@code request} asks for this setting; the source as {@link #SOURCE_TASK_ID} (a task) or
     * {@link #SOURCE_VIDEO} (anything else). Empty when unset or not an extend setting.
     */
    public Optional<Object> of(ExtendVideoRequest request) {
      Objects.requireNonNull(request, "request == null");
      VideoSource source = request.source();
      boolean task = source.kind() == VideoSource.Kind.TASK;
      if (this == SOURCE_TASK_ID) {
        return task ? Optional.of(source.task().taskId()) : Optional.empty();
      }
      if (this == SOURCE_VIDEO) return task ? Optional.empty() : Optional.of(source);
      if (this == IMAGE) return Optional.empty();
      // The settings an extend shares with an image-to-video request, read the same way.
      return of(
          ImageToVideoRequest.builder()
              .image(ImageInput.url("https://extend-source.invalid/"))
              .prompt(request.prompt())
              .negativePrompt(request.negativePrompt())
              .duration(request.duration())
              .quality(request.quality())
              .seed(request.seed())
              .style(request.style())
              .motionMode(request.motionMode())
              .model(request.model())
              .templateId(request.templateId())
              .build());
    }
  }

  private final Map<Setting, Object> values;

  private DecodedRequest(Map<Setting, Object> values) {
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The decoded value of {@code setting} (of its {@link Setting#type()}), or empty. */
  public Optional<Object> get(Setting setting) {
    return Optional.ofNullable(values.get(Objects.requireNonNull(setting, "setting == null")));
  }

  /** Every decoded setting and its value, in {@link Setting} order (unmodifiable). */
  public Map<Setting, Object> settings() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedRequest && ((DecodedRequest) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("DecodedRequest{");
    String sep = "";
    for (Map.Entry<Setting, Object> e : values.entrySet()) {
      b.append(sep).append(e.getKey().name()).append('=').append(e.getValue());
      sep = ", ";
    }
    return b.append('}').toString();
  }

  /** Builds a {@link DecodedRequest}; a setting set twice keeps the last value. */
  public static final class Builder {
    private final Map<Setting, Object> values = new EnumMap<>(Setting.class);

    Builder() {}

    /**
     * Sets {@code setting} to {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is not of the setting's {@link
     *     Setting#type()}
     */
    public Builder set(Setting setting, Object value) {
      Objects.requireNonNull(setting, "setting == null");
      Objects.requireNonNull(value, "value == null");
      if (!setting.type().isInstance(value)) {
        throw new IllegalArgumentException(
            setting
                + " takes a "
                + setting.type().getSimpleName()
                + ", got "
                + value.getClass().getSimpleName()
                + " "
                + value);
      }
      values.put(setting, value);
      return this;
    }

    /**
     * Sets {@code setting} from field {@code field} of the JSON object {@code body} when it is
     * present and not null, read strictly as the setting's type: text for strings (a template id
     * may also be an integer), an integer for {@code Long}s, a JSON boolean, a number for {@code
     * cfgScale}, a quality's exact label ({@code "720p"}), a motion mode's exact wire name, a model
     * name ({@code "v4.5"}), a URL for the image or source video. A protocol with other units (a
     * duration as text, in milliseconds) decodes that field itself with {@link #set}.
     *
     * @throws IllegalArgumentException if the field's JSON type or value does not fit (the handler
     *     then answers 500 and the contract reports the exception: the decoder disagrees with the
     *     simulator's own validation)
     */
    public Builder fromJson(JsonNode body, String field, Setting setting) {
      Objects.requireNonNull(body, "body == null");
      Objects.requireNonNull(field, "field == null");
      JsonNode n = body.get(field);
      if (n == null || n.isNull()) return this;
      return set(setting, read(n, field, setting));
    }

    private static Object read(JsonNode n, String field, Setting setting) {
      Class<?> type = setting.type();
      if (type == Long.class && n.isIntegralNumber() && n.canConvertToLong()) return n.asLong();
      if (type == Boolean.class && n.isBoolean()) return n.asBoolean();
      if (type == Double.class && n.isNumber()) return n.asDouble();
      if (type == String.class
          && (n.isTextual() || (setting == Setting.TEMPLATE_ID && n.isIntegralNumber()))) {
        return n.asText();
      }
      if (n.isTextual()) {
        String text = n.asText();
        if (type == Quality.class) {
          for (Quality q : Quality.values()) if (q.label().equals(text)) return q;
        } else if (type == MotionMode.class) {
          for (MotionMode m : MotionMode.values()) if (m.wireName().equals(text)) return m;
        } else if (type == Model.class) {
          return Model.of(text);
        } else if (type == ImageInput.class) {
          return ImageInput.url(text);
        } else if (type == VideoSource.class) {
          return VideoSource.url(text);
        }
      }
      throw new IllegalArgumentException(
          "cannot decode field '"
              + field
              + "' as "
              + setting
              + " ("
              + type.getSimpleName()
              + "): "
              + n);
    }

    public Builder image(ImageInput image) {
      return set(Setting.IMAGE, image);
    }

    public Builder prompt(String prompt) {
      return set(Setting.PROMPT, prompt);
    }

    public Builder negativePrompt(String negativePrompt) {
      return set(Setting.NEGATIVE_PROMPT, negativePrompt);
    }

    /** The duration in whole seconds, converted from the protocol's unit. */
    public Builder durationSeconds(long seconds) {
      return set(Setting.DURATION_SECONDS, seconds);
    }

    public Builder quality(Quality quality) {
      return set(Setting.QUALITY, quality);
    }

    public Builder seed(long seed) {
      return set(Setting.SEED, seed);
    }

    public Builder model(Model model) {
      return set(Setting.MODEL, model);
    }

    public Builder audio(boolean audio) {
      return set(Setting.AUDIO, audio);
    }

    public Builder multiClip(boolean multiClip) {
      return set(Setting.MULTI_CLIP, multiClip);
    }

    public Builder cfgScale(double cfgScale) {
      return set(Setting.CFG_SCALE, cfgScale);
    }

    public Builder thinkingType(String thinkingType) {
      return set(Setting.THINKING_TYPE, thinkingType);
    }

    public Builder style(String style) {
      return set(Setting.STYLE, style);
    }

    public Builder motionMode(MotionMode motionMode) {
      return set(Setting.MOTION_MODE, motionMode);
    }

    public Builder fastMode(boolean fastMode) {
      return set(Setting.FAST_MODE, fastMode);
    }

    public Builder templateId(String templateId) {
      return set(Setting.TEMPLATE_ID, templateId);
    }

    /** An extend's source task, by the provider's task id. */
    public Builder sourceTaskId(String taskId) {
      return set(Setting.SOURCE_TASK_ID, taskId);
    }

    /** An extend's source video given as a URL, bytes or a provider media id. */
    public Builder sourceVideo(VideoSource source) {
      return set(Setting.SOURCE_VIDEO, source);
    }

    public DecodedRequest build() {
      return new DecodedRequest(values);
    }
  }
}
