package io.github.pixverse4j.v3async;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.v3async.internal.V3AsyncSubmitBody;

/** Builds the submit body of a model from an already validated request. */
final class V3AsyncRequests {
  private V3AsyncRequests() {}

  static V3AsyncSubmitBody submitBody(V3AsyncModel model, ImageToVideoRequest request) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      // The engine validates first; this only guards direct callers of the provider.
      throw new IllegalArgumentException("image must be a URL for the v3 async API, got " + request.image().kind());
    }
    V3AsyncSubmitBody.Builder b = V3AsyncSubmitBody.builder()
        .image(request.image().url().toString())
        .prompt(request.prompt())
        .seed(request.seed().orElse(null))
        .negativePrompt(request.negativePrompt().orElse(null));
    switch (model) {
      case PIXVERSE_V6_I2V:
        return b.duration(request.durationSeconds().orElse(null))
            .cfgScale(request.cfgScale().orElse(null))
            .resolution(request.quality().map(Quality::label).orElse(null))
            .thinkingType(request.thinkingType().orElse(null))
            .generateAudioSwitch(request.audio().orElse(null))
            .build();
      case PIXVERSE_V4_5_I2V:
        // The page marks resolution "required" and names 540p its default: send that when unset.
        return b.resolution(request.quality().orElse(Quality.P540).label())
            .fastMode(request.fastMode().orElse(null))
            .style(request.style().orElse(null))
            .build();
      default:
        throw new AssertionError(model);
    }
  }
}
