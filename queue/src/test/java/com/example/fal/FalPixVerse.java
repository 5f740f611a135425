package com.example.fal;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.queue.QueueProtocol;
import java.util.LinkedHashMap;
import java.util.Map;

/** fal.ai's PixVerse v4.5 image-to-video, written as a provider outside this repository would. */
public final class FalPixVerse {
  public static final String PROVIDER_ID = "fal";
  public static final String DEFAULT_BASE_URL = "https://queue.fal.run";

  public static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId(PROVIDER_ID)
          .model("fal-ai/pixverse/v4.5/image-to-video")
          .maxPromptLength(2000)
          .maxNegativePromptLength(2000)
          .addDurationsSeconds(5, 8)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .supportsSeed(true)
          .supportsCancel(true)
          .build();

  public static final QueueProtocol PROTOCOL =
      QueueProtocol.builder()
          .providerId(PROVIDER_ID)
          .model(CAPABILITIES.model())
          .defaultBaseUrl(DEFAULT_BASE_URL)
          .submitPath("fal-ai/pixverse/v4.5/image-to-video")
          .appPath("fal-ai/pixverse")
          .resultPath(QueueProtocol.ResultPath.REQUEST)
          .authScheme("Key")
          .errorDetailField("detail")
          .capabilities(CAPABILITIES)
          .submitBody(FalPixVerse::body)
          .requestField("image_url", "image")
          .requestField("resolution", "quality")
          .requestField("negative_prompt", "negativePrompt")
          .build();

  private FalPixVerse() {}

  // fal names the image image_url and the quality resolution, and sends the duration as "5" or "8".
  static Map<String, Object> body(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image_url", QueueProtocol.imageUrl(request));
    body.put("prompt", request.prompt());
    request.negativePrompt().ifPresent(n -> body.put("negative_prompt", n));
    request.durationSeconds().ifPresent(s -> body.put("duration", String.valueOf(s)));
    request.quality().ifPresent(q -> body.put("resolution", q.label()));
    request.seed().ifPresent(s -> body.put("seed", s));
    return body;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder extends ClientBuilder<Builder> {
    Builder() {
      super(DEFAULT_BASE_URL);
    }

    @Override
    public VideoClient build() {
      return DaggerFalComponent.factory().create(config()).client();
    }
  }
}
