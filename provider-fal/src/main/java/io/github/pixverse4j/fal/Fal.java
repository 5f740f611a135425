package io.github.pixverse4j.fal;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.DescribedClient;
import io.github.pixverse4j.client.provider.SubmitBodyMapper;
import io.github.pixverse4j.queue.QueueProtocol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point for fal.ai's PixVerse V6 image-to-video: {@code Fal.builder().apiKey(key).build()}.
 * The image must be a public http(s) URL; the protocol is fal's queue ({@link #PROTOCOL}), with
 * {@code Authorization: Key <key>}. What fal's pages confirm is in the module README.
 */
public final class Fal {
  /** The id in every {@link io.github.pixverse4j.api.TaskHandle} of this provider. */
  public static final String PROVIDER_ID = "fal";

  /** fal's model id, the submit path. */
  public static final String MODEL = "fal-ai/pixverse/v6/image-to-video";

  public static final String DEFAULT_BASE_URL = "https://queue.fal.run";

  /** What fal's PixVerse V6 endpoint accepts, as far as fal's pages confirm it. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .maxPromptLength(2048)
          .maxNegativePromptLength(2048)
          .durationRange(1, 15)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .supportsSeed(true)
          .supportsAudio(true)
          .supportsCancel(true)
          .build();

  /** fal's queue as a configuration of the queue family. */
  public static final QueueProtocol PROTOCOL =
      QueueProtocol.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .displayName("fal.ai queue: PixVerse V6 image-to-video")
          .apiKeyEnvironmentVariable("FAL_KEY")
          .defaultBaseUrl(DEFAULT_BASE_URL)
          .submitPath(MODEL)
          .appPath("fal-ai/pixverse")
          .resultPath(QueueProtocol.ResultPath.REQUEST)
          .authScheme("Key")
          .capabilities(CAPABILITIES)
          .submitBody(Fal::body)
          .requestField("image_url", "image")
          .requestField("resolution", "quality")
          .requestField("negative_prompt", "negativePrompt")
          .requestField("generate_audio_switch", "audio")
          .build();

  private Fal() {}

  /** A builder; only the API key is required. */
  public static DescribedClient.Builder builder() {
    return DescribedClient.builder(PROTOCOL);
  }

  // fal's names: image_url, resolution ("720p"), duration in whole seconds (an integer on V6).
  static Map<String, Object> body(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image_url", SubmitBodyMapper.imageUrl(request));
    body.put("prompt", request.prompt());
    request.negativePrompt().ifPresent(n -> body.put("negative_prompt", n));
    request.quality().ifPresent(q -> body.put("resolution", q.label()));
    request.durationSeconds().ifPresent(s -> body.put("duration", (int) (long) s));
    request.seed().ifPresent(s -> body.put("seed", s));
    request.audio().ifPresent(a -> body.put("generate_audio_switch", a));
    return body;
  }
}
