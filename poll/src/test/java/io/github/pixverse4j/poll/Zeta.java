package io.github.pixverse4j.poll;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.client.provider.SubmitBodyMapper;
import io.github.pixverse4j.poll.simulator.PollSimulators;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.PollSimulator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A poll-family configuration using what WaveSpeed does not: a bare key header, a cancel path, a
 * queue position, progress, a failure code, a moderation flag, a single video URL text.
 */
final class Zeta {
  static final ProviderCapabilities CAPABILITIES =
      ProviderCapabilities.builder()
          .providerId("zeta")
          .model("zeta-v1")
          .maxPromptLength(1000)
          .addDurationsSeconds(5, 10)
          .allQualities()
          .addImageKinds(ImageInput.Kind.URL)
          .supportsSeed(true)
          .supportsCancel(true)
          .build();

  static final PollProtocol PROTOCOL =
      PollProtocol.builder()
          .providerId("zeta")
          .model("zeta-v1")
          .defaultBaseUrl("https://api.zeta.example")
          .submitPath("v1/videos")
          .statusPath("v1/videos/{id}")
          .cancelPath("v1/videos/{id}/cancel")
          .authHeader("X-API-Key")
          .capabilities(CAPABILITIES)
          .submitBody(Zeta::body)
          .taskId("/id")
          .status("/state")
          .state("waiting", TaskState.QUEUED)
          .state("working", TaskState.RUNNING)
          .state("done", TaskState.SUCCEEDED)
          .state("error", TaskState.FAILED)
          .state("cancelled", TaskState.CANCELLED)
          .videoUrls("/video/url")
          .progress("/progress")
          .queuePosition("/queue/position")
          .failureMessage("/error/message")
          .failureCode("/error/code")
          .moderation("/flagged")
          .errorMessage("/error/message")
          .errorCode("/error/code")
          .build();

  static final PollSimulator.Settings SIMULATOR =
      PollSimulators.settings(PROTOCOL)
          .videoUrls("/video/url", false)
          .idPrefix("z-")
          .validator(
              body ->
                  body.path("image_url").isTextual() && body.path("text").isTextual()
                      ? java.util.Collections.<String>emptyList()
                      : java.util.Collections.singletonList("image_url and text are required"))
          .decoder(
              body ->
                  DecodedRequest.builder()
                      .fromJson(body, "image_url", DecodedRequest.Setting.IMAGE)
                      .fromJson(body, "text", DecodedRequest.Setting.PROMPT)
                      .fromJson(body, "seconds", DecodedRequest.Setting.DURATION_SECONDS)
                      .fromJson(body, "size", DecodedRequest.Setting.QUALITY)
                      .fromJson(body, "seed", DecodedRequest.Setting.SEED)
                      .build())
          .build();

  private Zeta() {}

  static Map<String, Object> body(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("image_url", SubmitBodyMapper.imageUrl(request));
    body.put("text", request.prompt());
    request.durationSeconds().ifPresent(s -> body.put("seconds", s));
    request.quality().ifPresent(q -> body.put("size", q.label()));
    request.seed().ifPresent(s -> body.put("seed", s));
    return body;
  }
}
