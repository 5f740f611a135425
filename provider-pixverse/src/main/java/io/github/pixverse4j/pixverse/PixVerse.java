package io.github.pixverse4j.pixverse;

import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.VideoClient;

/**
 * Entry point for the PixVerse platform API ({@code https://app-api.pixverse.ai}).
 *
 * <pre>{@code
 * VideoClient client = PixVerse.builder().apiKey(System.getenv("PIXVERSE_API_KEY")).build();
 * }</pre>
 *
 * <p>Local files and in-memory images are uploaded first (JPEG, PNG or WebP, smaller than 20 MB, at
 * most 10000 pixels a side: checked before anything is sent). Duration and quality are required by
 * the API: unset, they are sent as 5 seconds and 540p.
 */
public final class PixVerse {
  /** The id in every {@link io.github.pixverse4j.api.TaskHandle} of this provider: {@value}. */
  public static final String PROVIDER_ID = "pixverse";

  /** The duration sent when a request sets none (the API requires one): {@value} seconds. */
  public static final int DEFAULT_DURATION_SECONDS = 5;

  /** The quality sent when a request sets none (the API requires one): 540p. */
  public static final Quality DEFAULT_QUALITY = Quality.P540;

  /** {@value}. */
  public static final String DEFAULT_BASE_URL = "https://app-api.pixverse.ai";

  /** The model used when neither the builder nor the request names one: v4.5. */
  public static final Model DEFAULT_MODEL = Model.V4_5;

  private PixVerse() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VideoClient} for PixVerse; only the API key is required. */
  public static final class Builder extends ClientBuilder<Builder> {
    private Model model = DEFAULT_MODEL;
    private PixVerseWebhook webhook;

    Builder() {
      super(DEFAULT_BASE_URL, new PixVerseProviderFactory());
    }

    /**
     * The model for requests that do not name one (default v4.5). A version newer than {@link
     * Model#V3_5}, {@link Model#V4} and {@link Model#V4_5} is accepted too.
     */
    public Builder model(Model model) {
      if (model == null) throw new NullPointerException("model == null");
      this.model = model;
      return this;
    }

    /**
     * Asks PixVerse to call back when each video ends: every submit and extend carries the
     * webhook's {@code webhook_id}, and {@code client.webhookHandler()} verifies the signed
     * callbacks and ends the task's stream at once; polling drops to the policy's {@code
     * webhookSafetyNet()} (default 60 s). See {@code docs/webhooks.md}. Default: no callbacks.
     */
    public Builder webhook(PixVerseWebhook webhook) {
      if (webhook == null) throw new NullPointerException("webhook == null");
      this.webhook = webhook;
      return this;
    }

    PixVerseComponent component() {
      return DaggerPixVerseComponent.factory()
          .create(
              config(),
              webhook == null ? new PixVerseModule(model) : new PixVerseModule(model, webhook));
    }

    @Override
    public VideoClient build() {
      return component().client();
    }
  }
}
