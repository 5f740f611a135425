package io.github.pixverse4j.wavespeed;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.DescribedClient;
import io.github.pixverse4j.client.provider.SubmitBodyMapper;
import io.github.pixverse4j.poll.PollProtocol;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point for WaveSpeedAI's PixVerse V6 image-to-video: {@code
 * WaveSpeed.builder().apiKey(key).build()}. The image must be a public http(s) URL; the protocol is
 * the poll family's ({@link #PROTOCOL}); there is no cancel and no seed (see the module README for
 * what WaveSpeed's pages confirm).
 */
public final class WaveSpeed {
  /** The id in every {@link io.github.pixverse4j.api.TaskHandle} of this provider. */
  public static final String PROVIDER_ID = "wavespeed";

  /** WaveSpeed's model id, the submit path after {@code api/v3/}. */
  public static final String MODEL = "pixverse/pixverse-v6/image-to-video";

  public static final String DEFAULT_BASE_URL = "https://api.wavespeed.ai";

  /** What WaveSpeed's PixVerse V6 pages document. */
  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .maxPromptLength(2048)
          .durationRange(1, 15)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .supportsAudio(true)
          .supportsMultiClip(true)
          .supportsThinkingType(true)
          .build();

  /** WaveSpeed's prediction API as a configuration of the poll family. */
  public static final PollProtocol PROTOCOL =
      PollProtocol.builder()
          .providerId(PROVIDER_ID)
          .model(MODEL)
          .displayName("WaveSpeedAI predictions: PixVerse V6 image-to-video")
          .apiKeyEnvironmentVariable("WAVESPEED_API_KEY")
          .defaultBaseUrl(DEFAULT_BASE_URL)
          .submitPath("api/v3/" + MODEL)
          .statusPath("api/v3/predictions/{id}/result")
          .authScheme("Bearer")
          .capabilities(CAPABILITIES)
          .submitBody(WaveSpeed::body)
          .taskId("/data/id")
          .status("/data/status")
          .state("created", TaskState.QUEUED)
          .state("processing", TaskState.RUNNING)
          .state("completed", TaskState.SUCCEEDED)
          .state("failed", TaskState.FAILED)
          .videoUrls("/data/outputs")
          .failureMessage("/data/error")
          .moderation("/data/has_nsfw_contents")
          .errorMessage("/message")
          .build();

  private WaveSpeed() {}

  /** A builder; only the API key is required. */
  public static DescribedClient.Builder builder() {
    return DescribedClient.builder(PROTOCOL);
  }

  // WaveSpeed's names: image (a URL), resolution ("720p"), duration in whole seconds.
  static Map<String, Object> body(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image", SubmitBodyMapper.imageUrl(request));
    body.put("prompt", request.prompt());
    request.quality().ifPresent(q -> body.put("resolution", q.label()));
    request.durationSeconds().ifPresent(s -> body.put("duration", (int) (long) s));
    request.audio().ifPresent(a -> body.put("generate_audio_switch", a));
    request.multiClip().ifPresent(m -> body.put("generate_multi_clip_switch", m));
    request.thinkingType().ifPresent(t -> body.put("thinking_type", t));
    return body;
  }
}
