package io.github.pixverse4j.queue;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ProviderDescription;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.provider.Descriptions;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.queue.internal.QueueApi;
import io.github.pixverse4j.queue.internal.QueueErrors;
import io.github.pixverse4j.queue.internal.QueueProvider;
import io.reactivex.rxjava3.core.Scheduler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One provider of the fal-style queue protocol family (fal's queue API): {@code POST <submit path>}
 * answers {@code {request_id, status_url?, response_url?, cancel_url?, queue_position?}}; {@code
 * GET <app path>/requests/{id}/status} answers {@code IN_QUEUE}, {@code IN_PROGRESS} or {@code
 * COMPLETED} (and {@code FAILED}, {@code CANCELED}/{@code CANCELLED} on some hosts); after {@code
 * COMPLETED} the result call ({@code GET <app path>/requests/{id}/response}, or fal's {@code
 * …/requests/{id}}) decides between a video and a failure; {@code PUT <app
 * path>/requests/{id}/cancel} cancels. Errors are {@code {detail, error_type}} bodies with an
 * error-type header.
 *
 * <p>What differs between providers of the family is configured here, everything else is shared:
 * OdiRouter is {@code QueueProtocol.builder().providerId("odirouter").model("pixverse_v6_i2v")
 * .submitPath("v1/queue/pixverse_v6_i2v")…}; fal.ai's PixVerse endpoints submit to {@code
 * fal-ai/pixverse/v4.5/image-to-video}, read status from {@code fal-ai/pixverse/requests/{id}/…}
 * and authenticate with {@code Authorization: Key <key>}. Instances are immutable and thread-safe.
 */
public final class QueueProtocol implements ProviderDescription {
  /** Where the result of a request is read, relative to {@code <app path>/requests/{id}}. */
  public enum ResultPath {
    /** {@code GET …/requests/{id}/response} (OdiRouter). */
    RESPONSE,
    /** {@code GET …/requests/{id}} (fal.ai's queue). */
    REQUEST
  }

  private final String providerId;
  private final String model;
  private final String displayName;
  private final String apiKeyEnvironmentVariable;
  private final String defaultBaseUrl;
  private final String submitPath;
  private final String appPath;
  private final ResultPath resultPath;
  private final String authScheme;
  private final String errorDetailField;
  private final String errorTypeField;
  private final String errorTypeHeader;
  private final ProviderCapabilities capabilities;
  private final SubmitBodyMapper submitBody;
  private final Map<String, String> requestFields;

  private QueueProtocol(Builder b) {
    this.providerId = require(b.providerId, "providerId");
    this.model = require(b.model, "model");
    this.displayName = b.displayName != null ? b.displayName : providerId + " queue API: " + model;
    this.apiKeyEnvironmentVariable =
        b.apiKeyEnvironmentVariable != null
            ? b.apiKeyEnvironmentVariable
            : Descriptions.defaultKeyVariable(providerId);
    this.defaultBaseUrl = require(b.defaultBaseUrl, "defaultBaseUrl");
    this.submitPath = require(b.submitPath, "submitPath");
    this.appPath = b.appPath == null ? submitPath : b.appPath;
    this.resultPath = b.resultPath;
    this.authScheme = b.authScheme;
    this.errorDetailField = b.errorDetailField;
    this.errorTypeField = b.errorTypeField;
    this.errorTypeHeader = b.errorTypeHeader;
    this.capabilities = Descriptions.capabilitiesOf(b.capabilities, providerId);
    this.submitBody = b.submitBody;
    this.requestFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.requestFields));
  }

  private static String require(String value, String name) {
    if (value == null) throw new IllegalStateException(name + " is not set");
    return value;
  }

  /** A builder; provider id, model, default base URL, submit path and capabilities are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fal-style PixVerse submit body: {@code image} (the URL), {@code prompt}, {@code duration}
   * (whole seconds), {@code quality} ({@code "540p"}), {@code seed}, {@code generate_audio_switch},
   * {@code generate_multi_clip_switch}; unset settings are left out.
   */
  public static SubmitBodyMapper standardSubmitBody() {
    return QueueProtocol::standardBody;
  }

  private static Map<String, Object> standardBody(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image", imageUrl(request));
    body.put("prompt", request.prompt());
    request.durationSeconds().ifPresent(s -> body.put("duration", (int) (long) s));
    request.quality().ifPresent(q -> body.put("quality", q.label()));
    request.seed().ifPresent(s -> body.put("seed", s));
    request.audio().ifPresent(a -> body.put("generate_audio_switch", a));
    request.multiClip().ifPresent(m -> body.put("generate_multi_clip_switch", m));
    return body;
  }

  /**
   * The image of {@code request} as the URL string a queue provider downloads.
   *
   * @throws IllegalArgumentException if the image is not a URL (the capabilities of a queue
   *     provider accept only URLs)
   */
  public static String imageUrl(ImageToVideoRequest request) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      throw new IllegalArgumentException(
          "A queue provider accepts only an image URL, got " + request.image().kind());
    }
    return request.image().url().toString();
  }

  /** The wire names of {@link #standardSubmitBody()}, with their request setting names. */
  public static Map<String, String> standardRequestFields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("image", "image");
    m.put("prompt", "prompt");
    m.put("duration", "duration");
    m.put("quality", "quality");
    m.put("seed", "seed");
    m.put("generate_audio_switch", "audio");
    m.put("generate_multi_clip_switch", "multiClip");
    return m;
  }

  /**
   * The {@link VideoProvider} of this protocol for one client: Retrofit on an OkHttp client made
   * from {@code base} that sends {@code Authorization: <auth scheme> <key>} to {@code baseUrl}'s
   * origin only, errors mapped by {@link ErrorMappingCallAdapterFactory}. What a provider's Dagger
   * module returns.
   *
   * @param base the client's base OkHttp client (its {@code @BaseHttpClient})
   * @param baseUrl the base URL; the submit and app paths are relative to it
   * @param key the API key
   * @param scheduler the client's scheduler, the clock of every observation
   */
  @Override
  public VideoProvider provider(
      OkHttpClient base, HttpUrl baseUrl, ApiKey key, Scheduler scheduler) {
    if (base == null) throw new NullPointerException("base == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (key == null) throw new NullPointerException("key == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    OkHttpClient client =
        HttpClients.forProvider(
            base, baseUrl, AuthInterceptor.authorization(authScheme, key, baseUrl));
    QueueErrors errors = new QueueErrors(this, key);
    QueueApi api =
        ErrorMappingCallAdapterFactory.create(providerId, errors::forCall, key)
            .retrofit(baseUrl, client)
            .create(QueueApi.class);
    return new QueueProvider(
        this, api, baseUrl, new ProviderAnswers(providerId, key, scheduler), errors);
  }

  /** The id in every handle of this provider, such as {@code odirouter}. */
  @Override
  public String providerId() {
    return providerId;
  }

  /** The provider's name for the model: the handle's model. */
  public String model() {
    return model;
  }

  /** The one-line description of listings; default {@code "<provider id> queue API: <model>"}. */
  @Override
  public String displayName() {
    return displayName;
  }

  /**
   * The environment variable the command line reads the key from; default {@code
   * <PROVIDER_ID>_API_KEY} (dashes as underscores).
   */
  @Override
  public String apiKeyEnvironmentVariable() {
    return apiKeyEnvironmentVariable;
  }

  /** The base URL a facade uses unless the user gives another. */
  @Override
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /**
   * The path of the submit call, relative to the base URL, such as {@code
   * v1/queue/pixverse_v6_i2v}.
   */
  public String submitPath() {
    return submitPath;
  }

  /**
   * The path before {@code /requests/{id}/…} of status, result and cancel; the submit path unless
   * set.
   */
  public String appPath() {
    return appPath;
  }

  public ResultPath resultPath() {
    return resultPath;
  }

  /** The scheme of the {@code Authorization} header, such as {@code Bearer} or {@code Key}. */
  public String authScheme() {
    return authScheme;
  }

  /** The error body's explanation field: a text or a list of {@code {loc, msg, type}}. */
  public String errorDetailField() {
    return errorDetailField;
  }

  /** The error body's (and a FAILED status's) error-type field. */
  public String errorTypeField() {
    return errorTypeField;
  }

  /** The header that repeats the error type; it wins over the body. */
  public String errorTypeHeader() {
    return errorTypeHeader;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  public SubmitBodyMapper submitBody() {
    return submitBody;
  }

  /** Wire field name to request setting name, for violations reported in request terms. */
  public Map<String, String> requestFields() {
    return requestFields;
  }

  @Override
  public String toString() {
    return "QueueProtocol{"
        + providerId
        + ", submit "
        + submitPath
        + ", app "
        + appPath
        + ", "
        + authScheme
        + "}";
  }

  /** Builds a {@link QueueProtocol}; the defaults are OdiRouter's (fal's) wire conventions. */
  public static final class Builder {
    private String providerId;
    private String model;
    private String displayName;
    private String apiKeyEnvironmentVariable;
    private String defaultBaseUrl;
    private String submitPath;
    private String appPath;
    private ResultPath resultPath = ResultPath.RESPONSE;
    private String authScheme = "Bearer";
    private String errorDetailField = "detail";
    private String errorTypeField = "error_type";
    private String errorTypeHeader = "X-Fal-Error-Type";
    private ProviderCapabilities capabilities;
    private SubmitBodyMapper submitBody = standardSubmitBody();
    private Map<String, String> requestFields = standardRequestFields();

    Builder() {}

    /** The id in every handle, such as {@code odirouter}; lowercase letters, digits and dashes. */
    public Builder providerId(String providerId) {
      this.providerId = Descriptions.nonEmpty(providerId, "providerId");
      return this;
    }

    /** The provider's name for the model, kept in every handle. */
    public Builder model(String model) {
      this.model = Descriptions.nonEmpty(model, "model");
      return this;
    }

    /** The one-line description of listings, such as {@code "fal.ai queue: PixVerse V6"}. */
    public Builder displayName(String displayName) {
      this.displayName = Descriptions.nonEmpty(displayName, "displayName");
      return this;
    }

    /** The environment variable the command line reads the key from, such as {@code FAL_KEY}. */
    public Builder apiKeyEnvironmentVariable(String apiKeyEnvironmentVariable) {
      this.apiKeyEnvironmentVariable =
          Descriptions.nonEmpty(apiKeyEnvironmentVariable, "apiKeyEnvironmentVariable");
      return this;
    }

    /** The facade's default base URL, such as {@code https://queue.fal.run}. */
    public Builder defaultBaseUrl(String defaultBaseUrl) {
      this.defaultBaseUrl = Descriptions.nonEmpty(defaultBaseUrl, "defaultBaseUrl");
      return this;
    }

    /**
     * The submit path relative to the base URL, such as {@code
     * fal-ai/pixverse/v4.5/image-to-video}.
     *
     * @throws IllegalArgumentException if it is empty, starts or ends with {@code /}, or has a
     *     query
     */
    public Builder submitPath(String submitPath) {
      this.submitPath = Descriptions.relativePath(submitPath, "submitPath");
      return this;
    }

    /**
     * The path before {@code /requests/{id}/status}, {@code …/cancel} and the result, relative to
     * the base URL; default the submit path. fal.ai uses the app's path ({@code fal-ai/pixverse})
     * while submitting to a longer one.
     *
     * @throws IllegalArgumentException as {@link #submitPath}
     */
    public Builder appPath(String appPath) {
      this.appPath = Descriptions.relativePath(appPath, "appPath");
      return this;
    }

    /** Where the result is read; default {@link ResultPath#RESPONSE}. */
    public Builder resultPath(ResultPath resultPath) {
      if (resultPath == null) throw new NullPointerException("resultPath == null");
      this.resultPath = resultPath;
      return this;
    }

    /**
     * The {@code Authorization} scheme; default {@code Bearer}, fal.ai uses {@code Key}. See {@link
     * AuthInterceptor#authorization}.
     *
     * @throws IllegalArgumentException if it is not an HTTP token
     */
    public Builder authScheme(String authScheme) {
      this.authScheme = Descriptions.authScheme(authScheme);
      return this;
    }

    /** The error body's explanation field; default {@code detail}. */
    public Builder errorDetailField(String errorDetailField) {
      this.errorDetailField = Descriptions.nonEmpty(errorDetailField, "errorDetailField");
      return this;
    }

    /** The error body's type field; default {@code error_type}. */
    public Builder errorTypeField(String errorTypeField) {
      this.errorTypeField = Descriptions.nonEmpty(errorTypeField, "errorTypeField");
      return this;
    }

    /** The header repeating the error type; default {@code X-Fal-Error-Type}. */
    public Builder errorTypeHeader(String errorTypeHeader) {
      this.errorTypeHeader = Descriptions.nonEmpty(errorTypeHeader, "errorTypeHeader");
      return this;
    }

    /** What the endpoint accepts; its provider id must be this protocol's. */
    public Builder capabilities(ProviderCapabilities capabilities) {
      if (capabilities == null) throw new NullPointerException("capabilities == null");
      this.capabilities = capabilities;
      return this;
    }

    /** The submit body; default {@link #standardSubmitBody()}. */
    public Builder submitBody(SubmitBodyMapper submitBody) {
      if (submitBody == null) throw new NullPointerException("submitBody == null");
      this.submitBody = submitBody;
      return this;
    }

    /**
     * Wire field name to request setting name ({@code image_url} → {@code image}), so a rejected
     * field is reported in request terms; default {@link #standardRequestFields()}. A field not
     * listed is reported under its wire name.
     */
    public Builder requestFields(Map<String, String> requestFields) {
      if (requestFields == null) throw new NullPointerException("requestFields == null");
      this.requestFields = new LinkedHashMap<>(requestFields);
      return this;
    }

    /**
     * Adds one entry to the {@link #requestFields} map, such as {@code requestField("image_url",
     * "image")}.
     */
    public Builder requestField(String wireName, String requestSetting) {
      requestFields.put(
          Descriptions.nonEmpty(wireName, "wireName"),
          Descriptions.nonEmpty(requestSetting, "requestSetting"));
      return this;
    }

    /**
     * The protocol.
     *
     * @throws IllegalStateException if a required setting is missing, or the capabilities name
     *     another provider
     */
    public QueueProtocol build() {
      return new QueueProtocol(this);
    }
  }
}
