package io.github.pixverse4j.v3async;

import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import java.util.Arrays;

/**
 * Builds {@link VideoClient}s for the "v3 async" task API ({@code POST /v3/async/{model}}, then
 * {@code GET /v3/async/task-result}): {@link #highway()} for PixVerse V6 on highwayapi, {@link
 * #myrouter()} for PixVerse V4.5 on myrouter, or {@link #builder()} for any other host speaking the
 * protocol.
 *
 * <pre>{@code
 * VideoClient client = V3Async.highway().apiKey(System.getenv("HIGHWAY_API_KEY")).build();
 * }</pre>
 */
public final class V3Async {
  /** The base URL of highwayapi. */
  public static final String HIGHWAY_BASE_URL = "https://api.highwayapi.ai";

  /** The base URL of myrouter. */
  public static final String MYROUTER_BASE_URL = "https://api.myrouter.ai";

  /** The provider id of {@link #builder()} clients unless {@link Builder#providerId} is set. */
  public static final String GENERIC_PROVIDER_ID = "v3async";

  private V3Async() {}

  /**
   * highwayapi, PixVerse V6 ({@code pixverse-v6-i2v}); handles carry the provider id {@code
   * highway}.
   */
  public static Builder highway() {
    return new Builder(
        "highway", HIGHWAY_BASE_URL, V3AsyncModel.PIXVERSE_V6_I2V, new HighwayProviderFactory());
  }

  /**
   * myrouter, PixVerse V4.5 ({@code pixverse-v4.5-i2v}); handles carry the provider id {@code
   * myrouter}.
   */
  public static Builder myrouter() {
    return new Builder(
        "myrouter",
        MYROUTER_BASE_URL,
        V3AsyncModel.PIXVERSE_V4_5_I2V,
        new MyRouterProviderFactory());
  }

  /**
   * Any host speaking the protocol, such as Novita. {@link Builder#baseUrl} and {@link
   * Builder#model} are required; the provider id is {@value #GENERIC_PROVIDER_ID} unless set.
   */
  public static Builder builder() {
    return new Builder(GENERIC_PROVIDER_ID, null, null, null);
  }

  static void checkProviderId(String providerId) {
    if (!providerId.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException(
          "providerId must be 1-32 characters of a-z, 0-9, '-' or '_', got '" + providerId + "'");
    }
  }

  /** Builds a v3 async {@link VideoClient}; only the API key is required for the presets. */
  public static final class Builder extends ClientBuilder<Builder> {
    private final boolean preset;
    private String providerId;
    private V3AsyncModel model;
    private V3AsyncWebhook webhook;

    private Builder(
        String providerId,
        String defaultBaseUrl,
        V3AsyncModel model,
        VideoProviderFactory factory) {
      // ClientBuilder needs some default; the generic builder refuses to build without baseUrl(..).
      super(defaultBaseUrl != null ? defaultBaseUrl : HIGHWAY_BASE_URL, factory);
      this.preset = defaultBaseUrl != null;
      this.providerId = providerId;
      this.model = model;
    }

    /** The model to submit to; the presets choose theirs, {@link V3Async#builder()} needs one. */
    public Builder model(V3AsyncModel model) {
      if (model == null) throw new NullPointerException("model == null");
      this.model = model;
      return this;
    }

    /**
     * The id put into every handle and message, such as {@code "novita"}: lower case, 1-32
     * characters of a-z, 0-9, '-' or '_'. A handle is watched only by a client with the same id.
     */
    public Builder providerId(String providerId) {
      if (providerId == null) throw new NullPointerException("providerId == null");
      checkProviderId(providerId);
      this.providerId = providerId;
      return this;
    }

    /**
     * Asks the host to call back when each task ends: every submit carries {@code
     * extra.webhook.url} (the webhook's URL with its token), and {@code client.webhookHandler()}
     * checks the token and ends the task's stream at once; polling drops to the policy's {@code
     * webhookSafetyNet()} (default 60 s). The hosts document no signature: see {@link
     * V3AsyncWebhook} for what the token does and does not guarantee. Default: no callbacks.
     */
    public Builder webhook(V3AsyncWebhook webhook) {
      if (webhook == null) throw new NullPointerException("webhook == null");
      this.webhook = webhook;
      return this;
    }

    @Override
    public VideoClient build() {
      return component().client();
    }

    V3AsyncComponent component() {
      if (!preset && !baseUrlGiven()) {
        throw new IllegalStateException(
            "baseUrl is required for V3Async.builder(); use V3Async.highway() or V3Async.myrouter()"
                + " for the known hosts");
      }
      if (model == null) {
        throw new IllegalStateException(
            "model is required for V3Async.builder(): one of "
                + Arrays.toString(V3AsyncModel.values()));
      }
      return DaggerV3AsyncComponent.factory()
          .create(
              config(),
              webhook == null
                  ? new V3AsyncModule(providerId, model)
                  : new V3AsyncModule(providerId, model, webhook));
    }
  }
}
