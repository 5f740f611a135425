package io.github.pixverse4j.poll;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.ProviderDescription;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.provider.Descriptions;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.client.provider.SubmitBodyMapper;
import io.github.pixverse4j.poll.internal.PollApi;
import io.github.pixverse4j.poll.internal.PollErrors;
import io.github.pixverse4j.poll.internal.PollProvider;
import io.reactivex.rxjava3.core.Scheduler;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * One provider of the submit-then-poll-by-id protocol family (the shape of WaveSpeed's and
 * Replicate's prediction APIs): {@code POST <submit path>} answers a JSON object holding the task
 * id; {@code GET <status path with {id}>} answers the task, its status value somewhere in it, and
 * the video URL(s) once it succeeded; {@code POST <cancel path with {id}>} cancels, where the
 * provider has it. Non-2xx answers are errors with a message (and a code) in the body.
 *
 * <p>Where each value sits in an answer is a JSON pointer (RFC 6901, such as {@code /data/status});
 * the status values map to states through a table. WaveSpeed is {@code
 * PollProtocol.builder().submitPath("api/v3/pixverse/pixverse-v6/image-to-video")
 * .statusPath("api/v3/predictions/{id}/result").taskId("/data/id").status("/data/status")
 * .state("created", QUEUED)…}; its simulator comes from the same description ({@code
 * io.github.pixverse4j.poll.simulator.PollSimulators}). Instances are immutable and thread-safe.
 */
public final class PollProtocol implements ProviderDescription {
  /** The placeholder of the task id in the status and cancel paths. */
  public static final String ID = "{id}";

  private final String providerId;
  private final String model;
  private final String displayName;
  private final String apiKeyEnvironmentVariable;
  private final String defaultBaseUrl;
  private final String submitPath;
  private final String statusPath;
  private final @Nullable String cancelPath;
  private final String authScheme;
  private final @Nullable String authHeader;
  private final ProviderCapabilities capabilities;
  private final SubmitBodyMapper submitBody;
  private final String taskIdField;
  private final String statusField;
  private final Map<String, TaskState> states;
  private final String videoUrlsField;
  private final @Nullable String progressField;
  private final @Nullable String queuePositionField;
  private final @Nullable String failureMessageField;
  private final @Nullable String failureCodeField;
  private final @Nullable String moderationField;
  private final String errorMessageField;
  private final @Nullable String errorCodeField;

  private PollProtocol(Builder b) {
    this.providerId = require(b.providerId, "providerId");
    this.model = require(b.model, "model");
    this.displayName = b.displayName != null ? b.displayName : providerId + " API: " + model;
    this.apiKeyEnvironmentVariable =
        b.apiKeyEnvironmentVariable != null
            ? b.apiKeyEnvironmentVariable
            : Descriptions.defaultKeyVariable(providerId);
    this.defaultBaseUrl = require(b.defaultBaseUrl, "defaultBaseUrl");
    this.submitPath = require(b.submitPath, "submitPath");
    this.statusPath = require(b.statusPath, "statusPath");
    this.cancelPath = b.cancelPath;
    this.authScheme = b.authScheme;
    this.authHeader = b.authHeader;
    ProviderCapabilities caps = Descriptions.capabilitiesOf(b.capabilities, providerId);
    if (caps.supportsCancel() != (cancelPath != null)) {
      throw new IllegalStateException(
          "capabilities say supportsCancel="
              + caps.supportsCancel()
              + " but the cancel path is "
              + (cancelPath == null ? "not set" : "set"));
    }
    this.capabilities = caps;
    this.submitBody = require(b.submitBody, "submitBody");
    this.taskIdField = require(b.taskIdField, "taskId");
    this.statusField = require(b.statusField, "status");
    Set<TaskState> mapped = EnumSet.noneOf(TaskState.class);
    mapped.addAll(b.states.values());
    for (TaskState needed : EnumSet.of(TaskState.SUCCEEDED, TaskState.FAILED)) {
      if (!mapped.contains(needed)) {
        throw new IllegalStateException("no status value is mapped to " + needed);
      }
    }
    if (!mapped.contains(TaskState.QUEUED) && !mapped.contains(TaskState.RUNNING)) {
      throw new IllegalStateException("no status value is mapped to QUEUED or RUNNING");
    }
    this.states = Collections.unmodifiableMap(new LinkedHashMap<>(b.states));
    this.videoUrlsField = require(b.videoUrlsField, "videoUrls");
    this.progressField = b.progressField;
    this.queuePositionField = b.queuePositionField;
    this.failureMessageField = b.failureMessageField;
    this.failureCodeField = b.failureCodeField;
    this.moderationField = b.moderationField;
    this.errorMessageField = b.errorMessageField;
    this.errorCodeField = b.errorCodeField;
  }

  private static <T> T require(@Nullable T value, String name) {
    if (value == null) throw new IllegalStateException(name + " is not set");
    return value;
  }

  /**
   * A builder; provider id, model, default base URL, submit and status paths, capabilities, submit
   * body, the task id, status and video URL pointers and the state table are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@link VideoProvider} of this protocol for one client: Retrofit on an OkHttp client made
   * from {@code base} that sends the key ({@code Authorization: <scheme> <key>}, or the bare
   * header) to {@code baseUrl}'s origin only, errors mapped by {@link
   * ErrorMappingCallAdapterFactory}.
   */
  @Override
  public VideoProvider provider(
      OkHttpClient base, HttpUrl baseUrl, ApiKey key, Scheduler scheduler) {
    if (base == null) throw new NullPointerException("base == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (key == null) throw new NullPointerException("key == null");
    if (scheduler == null) throw new NullPointerException("scheduler == null");
    AuthInterceptor auth =
        authHeader != null
            ? AuthInterceptor.header(authHeader, key, baseUrl)
            : AuthInterceptor.authorization(authScheme, key, baseUrl);
    OkHttpClient client = HttpClients.forProvider(base, baseUrl, auth);
    PollErrors errors = new PollErrors(this, key);
    PollApi api =
        ErrorMappingCallAdapterFactory.create(providerId, errors::forCall, key)
            .retrofit(baseUrl, client)
            .create(PollApi.class);
    return new PollProvider(this, api, baseUrl, new ProviderAnswers(providerId, key, scheduler));
  }

  /** The status values of the state table, for reading them in any spelling. */
  public StatusNames statusNames() {
    StatusNames.Builder b = StatusNames.builder(providerId);
    for (String value : states.keySet()) b.add(value);
    return b.build();
  }

  @Override
  public String providerId() {
    return providerId;
  }

  /** The provider's name for the model: the handle's model. */
  public String model() {
    return model;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public String apiKeyEnvironmentVariable() {
    return apiKeyEnvironmentVariable;
  }

  @Override
  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /** The submit call's path relative to the base URL. */
  public String submitPath() {
    return submitPath;
  }

  /** The status call's path relative to the base URL, with {@link #ID} for the task id. */
  public String statusPath() {
    return statusPath;
  }

  /**
   * The cancel call's ({@code POST}) path with {@link #ID}, or null: the provider cannot cancel.
   */
  public @Nullable String cancelPath() {
    return cancelPath;
  }

  /** The {@code Authorization} scheme, such as {@code Bearer}; unused when {@link #authHeader}. */
  public String authScheme() {
    return authScheme;
  }

  /** The header that carries the bare key, such as {@code X-API-Key}, or null. */
  public @Nullable String authHeader() {
    return authHeader;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return capabilities;
  }

  public SubmitBodyMapper submitBody() {
    return submitBody;
  }

  /** The JSON pointer of the task id in the submit answer, such as {@code /data/id}. */
  public String taskIdField() {
    return taskIdField;
  }

  /** The JSON pointer of the status value in the status answer, such as {@code /data/status}. */
  public String statusField() {
    return statusField;
  }

  /** Status value (as documented; read in any spelling) to state, in the order added. */
  public Map<String, TaskState> states() {
    return states;
  }

  /** The JSON pointer of the video URL: a text, or an array of texts (every one a video). */
  public String videoUrlsField() {
    return videoUrlsField;
  }

  /** The JSON pointer of a RUNNING task's progress percentage (0 to 100), or null. */
  public @Nullable String progressField() {
    return progressField;
  }

  /** The JSON pointer of a QUEUED task's queue position, or null. */
  public @Nullable String queuePositionField() {
    return queuePositionField;
  }

  /** The JSON pointer of a FAILED task's message in the status answer, or null. */
  public @Nullable String failureMessageField() {
    return failureMessageField;
  }

  /** The JSON pointer of a FAILED task's error code in the status answer, or null. */
  public @Nullable String failureCodeField() {
    return failureCodeField;
  }

  /**
   * The JSON pointer of the moderation signal of a FAILED task, or null (no signal): {@code true},
   * an array holding {@code true}, or a text naming a content-policy refusal makes the failure's
   * category {@code MODERATION}.
   */
  public @Nullable String moderationField() {
    return moderationField;
  }

  /** The JSON pointer of the message in a non-2xx answer's body, such as {@code /message}. */
  public String errorMessageField() {
    return errorMessageField;
  }

  /** The JSON pointer of the provider's error code in a non-2xx answer's body, or null. */
  public @Nullable String errorCodeField() {
    return errorCodeField;
  }

  @Override
  public String toString() {
    return "PollProtocol{" + providerId + ", submit " + submitPath + ", status " + statusPath + "}";
  }

  /** Builds a {@link PollProtocol}. */
  public static final class Builder {
    private @Nullable String providerId;
    private @Nullable String model;
    private @Nullable String displayName;
    private @Nullable String apiKeyEnvironmentVariable;
    private @Nullable String defaultBaseUrl;
    private @Nullable String submitPath;
    private @Nullable String statusPath;
    private @Nullable String cancelPath;
    private String authScheme = "Bearer";
    private @Nullable String authHeader;
    private @Nullable ProviderCapabilities capabilities;
    private @Nullable SubmitBodyMapper submitBody;
    private @Nullable String taskIdField;
    private @Nullable String statusField;
    private final Map<String, TaskState> states = new LinkedHashMap<>();
    private @Nullable String videoUrlsField;
    private @Nullable String progressField;
    private @Nullable String queuePositionField;
    private @Nullable String failureMessageField;
    private @Nullable String failureCodeField;
    private @Nullable String moderationField;
    private String errorMessageField = "/message";
    private @Nullable String errorCodeField;

    Builder() {}

    /** The id in every handle, such as {@code wavespeed}. */
    public Builder providerId(String providerId) {
      this.providerId = Descriptions.nonEmpty(providerId, "providerId");
      return this;
    }

    /** The provider's name for the model, kept in every handle. */
    public Builder model(String model) {
      this.model = Descriptions.nonEmpty(model, "model");
      return this;
    }

    /** The one-line description of listings; default {@code "<provider id> API: <model>"}. */
    public Builder displayName(String displayName) {
      this.displayName = Descriptions.nonEmpty(displayName, "displayName");
      return this;
    }

    /**
     * The environment variable the command line reads the key from; default {@code
     * <PROVIDER_ID>_API_KEY}.
     */
    public Builder apiKeyEnvironmentVariable(String apiKeyEnvironmentVariable) {
      this.apiKeyEnvironmentVariable =
          Descriptions.nonEmpty(apiKeyEnvironmentVariable, "apiKeyEnvironmentVariable");
      return this;
    }

    /** The facade's default base URL, such as {@code https://api.wavespeed.ai}. */
    public Builder defaultBaseUrl(String defaultBaseUrl) {
      this.defaultBaseUrl = Descriptions.nonEmpty(defaultBaseUrl, "defaultBaseUrl");
      return this;
    }

    /**
     * The submit path ({@code POST}) relative to the base URL.
     *
     * @throws IllegalArgumentException if it is empty, starts or ends with {@code /}, has a query,
     *     or has {@link #ID}
     */
    public Builder submitPath(String submitPath) {
      this.submitPath = path(submitPath, "submitPath", false);
      return this;
    }

    /**
     * The status path ({@code GET}) relative to the base URL, with {@link #ID} as one whole path
     * segment, such as {@code api/v3/predictions/{id}/result}.
     *
     * @throws IllegalArgumentException as {@link #submitPath}, or without {@link #ID}
     */
    public Builder statusPath(String statusPath) {
      this.statusPath = path(statusPath, "statusPath", true);
      return this;
    }

    /**
     * The cancel path ({@code POST}) with {@link #ID}; default none (the provider cannot cancel;
     * the capabilities must then say {@code supportsCancel(false)}).
     */
    public Builder cancelPath(String cancelPath) {
      this.cancelPath = path(cancelPath, "cancelPath", true);
      return this;
    }

    /**
     * The {@code Authorization} scheme: {@code Authorization: <scheme> <key>}; default {@code
     * Bearer}.
     *
     * @throws IllegalArgumentException if it is not an HTTP token
     */
    public Builder authScheme(String authScheme) {
      this.authScheme = Descriptions.authScheme(authScheme);
      this.authHeader = null;
      return this;
    }

    /** Send the bare key in header {@code name} (such as {@code X-API-Key}) instead. */
    public Builder authHeader(String name) {
      if (name == null) throw new NullPointerException("name == null");
      AuthInterceptor.header(
          name, ApiKey.of("check-header-only"), HttpUrl.get("https://example.invalid/"));
      this.authHeader = name;
      return this;
    }

    /** What the endpoint accepts; its provider id must be this protocol's. */
    public Builder capabilities(ProviderCapabilities capabilities) {
      if (capabilities == null) throw new NullPointerException("capabilities == null");
      this.capabilities = capabilities;
      return this;
    }

    /** The submit body: request → the provider's field names and units. */
    public Builder submitBody(SubmitBodyMapper submitBody) {
      if (submitBody == null) throw new NullPointerException("submitBody == null");
      this.submitBody = submitBody;
      return this;
    }

    /** Where the submit answer keeps the task id, such as {@code /data/id}. */
    public Builder taskId(String pointer) {
      this.taskIdField = pointer(pointer, "taskId");
      return this;
    }

    /** Where the status answer keeps the status value, such as {@code /data/status}. */
    public Builder status(String pointer) {
      this.statusField = pointer(pointer, "status");
      return this;
    }

    /**
     * Maps one documented status value to a state, such as {@code state("created", QUEUED)}. Values
     * are matched in any spelling ({@link StatusNames}); an unmapped value is a {@code
     * MalformedResponseException}. SUCCEEDED, FAILED and QUEUED or RUNNING must be mapped.
     */
    public Builder state(String wireValue, TaskState state) {
      if (state == null) throw new NullPointerException("state == null");
      states.put(Descriptions.nonEmpty(wireValue, "wireValue"), state);
      return this;
    }

    /** Where a succeeded task's video URL is: a text, or an array of texts. */
    public Builder videoUrls(String pointer) {
      this.videoUrlsField = pointer(pointer, "videoUrls");
      return this;
    }

    /** Where a running task's progress percentage is; default none. */
    public Builder progress(String pointer) {
      this.progressField = pointer(pointer, "progress");
      return this;
    }

    /** Where a queued task's queue position is; default none. */
    public Builder queuePosition(String pointer) {
      this.queuePositionField = pointer(pointer, "queuePosition");
      return this;
    }

    /** Where a failed task's message is in the status answer, such as {@code /data/error}. */
    public Builder failureMessage(String pointer) {
      this.failureMessageField = pointer(pointer, "failureMessage");
      return this;
    }

    /** Where a failed task's error code is in the status answer; default none. */
    public Builder failureCode(String pointer) {
      this.failureCodeField = pointer(pointer, "failureCode");
      return this;
    }

    /**
     * Where a failed task's moderation signal is (see {@link #moderationField()}); default none.
     */
    public Builder moderation(String pointer) {
      this.moderationField = pointer(pointer, "moderation");
      return this;
    }

    /** Where a non-2xx answer's body keeps the message; default {@code /message}. */
    public Builder errorMessage(String pointer) {
      this.errorMessageField = pointer(pointer, "errorMessage");
      return this;
    }

    /** Where a non-2xx answer's body keeps the provider's error code; default none. */
    public Builder errorCode(String pointer) {
      this.errorCodeField = pointer(pointer, "errorCode");
      return this;
    }

    /**
     * The protocol.
     *
     * @throws IllegalStateException if a required setting is missing, the state table lacks a
     *     needed state, the capabilities name another provider, or they disagree with the cancel
     *     path
     */
    public PollProtocol build() {
      return new PollProtocol(this);
    }

    private static String pointer(String value, String name) {
      Descriptions.nonEmpty(value, name);
      if (!value.startsWith("/")) {
        throw new IllegalArgumentException(
            name + " must be a JSON pointer starting with '/': " + value);
      }
      return value;
    }

    private static String path(String value, String name, boolean withId) {
      Descriptions.relativePath(value, name);
      boolean hasId = ("/" + value + "/").contains("/" + ID + "/");
      if (withId != hasId || (value.contains(ID) && !hasId)) {
        throw new IllegalArgumentException(
            name
                + (withId ? " must have " : " must not have ")
                + ID
                + " as a whole path segment: "
                + value);
      }
      return value;
    }
  }
}
