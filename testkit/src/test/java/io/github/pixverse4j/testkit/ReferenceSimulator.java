package io.github.pixverse4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.simulator.DecodedRequest;
import io.github.pixverse4j.simulator.JobPhase;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.Routes;
import io.github.pixverse4j.simulator.SimJob;
import io.github.pixverse4j.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A minimal job API used to prove the contract kit: {@code POST /jobs}, {@code GET /jobs/{id}},
 * {@code POST /jobs/{id}/cancel}, Bearer auth.
 */
class ReferenceSimulator extends ProviderSimulator {
  private static final Set<String> FIELDS =
      Set.of("prompt", "image_url", "duration", "quality", "seed");

  ReferenceSimulator(String apiKey) {
    super("reference", apiKey);
  }

  @Override
  public ReferenceSimulator start() {
    super.start();
    return this;
  }

  @Override
  protected void configure(Routes routes) {
    routes.add(
        "POST",
        "/jobs",
        "submit",
        r -> {
          String problem = invalid(r.bodyJson());
          if (problem != null) return SimResponse.json(400, Map.of("error", problem));
          SimJob job = create(r.bodyUtf8(), r.bodyJson());
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("id", job.id());
          return SimResponse.json(201, body);
        });
    routes.add(
        "GET",
        "/jobs/([^/]+)",
        "status",
        r -> {
          SimJob job = job(r.pathParam(1));
          if (job == null) return SimResponse.json(404, Map.of("error", "no such job"));
          return SimResponse.json(200, render(job.id(), job.observe()));
        });
    routes.add(
        "POST",
        "/jobs/([^/]+)/cancel",
        "cancel",
        r -> {
          SimJob job = job(r.pathParam(1));
          if (job == null) return SimResponse.json(404, Map.of("error", "no such job"));
          job.cancel();
          return SimResponse.json(202, Map.of("status", "cancelling"));
        });
  }

  /** Creates the job of an accepted submit, with what it meant. */
  SimJob create(String body, JsonNode json) {
    return createJob(newJobId(), body, decode(json));
  }

  /** Creates a job without a decoded view, as a simulator written before the view did. */
  SimJob createUndecoded(String body) {
    return createJob(newJobId(), body);
  }

  /** What an accepted submit body meant. */
  DecodedRequest decode(JsonNode body) {
    return DecodedRequest.builder()
        .fromJson(body, "prompt", DecodedRequest.Setting.PROMPT)
        .fromJson(body, "image_url", DecodedRequest.Setting.IMAGE)
        .fromJson(body, "duration", DecodedRequest.Setting.DURATION_SECONDS)
        .fromJson(body, "quality", DecodedRequest.Setting.QUALITY)
        .fromJson(body, "seed", DecodedRequest.Setting.SEED)
        .build();
  }

  /** What is wrong with a submit body, or null; strict like a real API, so wire mistakes show. */
  private static String invalid(JsonNode body) {
    if (!body.isObject()) return "body must be a JSON object";
    for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) return "unknown field '" + name + "'";
    }
    if (!body.path("prompt").isTextual()) return "prompt must be a string";
    if (!body.path("image_url").isTextual()) return "image_url must be a string";
    JsonNode duration = body.get("duration");
    if (duration != null
        && (!duration.isIntegralNumber() || duration.asLong() < 1 || duration.asLong() > 10)) {
      return "duration must be an integer number of seconds, 1 to 10";
    }
    JsonNode quality = body.get("quality");
    if (quality != null && !Set.of("540p", "720p").contains(quality.asText(""))) {
      return "quality must be 540p or 720p";
    }
    JsonNode seed = body.get("seed");
    if (seed != null
        && (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > 2147483647L)) {
      return "seed must be an integer between 0 and 2147483647";
    }
    return null;
  }

  Map<String, Object> render(String id, JobPhase phase) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("state", phase.state().name().toLowerCase(java.util.Locale.ROOT));
    if (phase.queuePosition() != null) body.put("position", phase.queuePosition());
    if (phase.progressPercent() != null) body.put("progress", phase.progressPercent());
    if (phase.etaSeconds() != null) body.put("eta", phase.etaSeconds());
    if (phase.failureReason() != null) body.put("error", phase.failureReason());
    switch (phase.state()) {
      case SUCCEEDED:
        body.put("video_url", videoUrl(id));
        break;
      default:
        break;
    }
    return body;
  }
}
