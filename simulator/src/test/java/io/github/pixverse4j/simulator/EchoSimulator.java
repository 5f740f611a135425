package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A minimal provider simulator for the framework's own tests: Bearer auth, jobs under /v1. */
final class EchoSimulator extends ProviderSimulator {
  EchoSimulator(String apiKey) {
    super("echo", apiKey);
  }

  @Override
  public EchoSimulator start() {
    super.start();
    return this;
  }

  @Override
  protected String basePath() {
    return "/v1";
  }

  @Override
  protected void configure(Routes routes) {
    routes
        .add("POST", "/jobs", "submit", this::submit)
        .add("GET", "/jobs/([^/]+)", "status", this::status)
        .add("GET", "/jobs/([^/]+)/result", "result", this::result)
        .add("POST", "/jobs/([^/]+)/cancel", "cancel", this::cancel)
        .add(
            "GET",
            "/boom",
            "boom",
            request -> {
              throw new IllegalStateException("secret internals");
            })
        .addUnauthenticated("GET", "/health", "health", request -> SimResponse.text(200, "ok"));
  }

  /** Exposed for tests of createJob with a caller-chosen id. */
  SimJob createJobForTest(String id, Object body) {
    return createJob(id, body);
  }

  private SimResponse submit(SimRequest request) {
    JsonNode body;
    try {
      body = request.bodyJson();
    } catch (IllegalArgumentException e) {
      return SimResponse.json(400, Map.of("error", "body must be JSON"));
    }
    SimJob job = createJob(newJobId(), body);
    return SimResponse.json(201, Map.of("id", job.id()));
  }

  private SimResponse status(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return SimResponse.json(404, Map.of("error", "no such job"));
    }
    return SimResponse.json(200, render(job, job.observe()));
  }

  private SimResponse result(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return SimResponse.json(404, Map.of("error", "no such job"));
    }
    return SimResponse.json(200, render(job, job.peek()));
  }

  private SimResponse cancel(SimRequest request) {
    SimJob job = job(request.pathParam(1));
    if (job == null) {
      return SimResponse.json(404, Map.of("error", "no such job"));
    }
    return job.cancel()
        ? SimResponse.json(200, Map.of("cancelled", true))
        : SimResponse.json(409, Map.of("error", "job already finished"));
  }

  private Map<String, Object> render(SimJob job, JobPhase phase) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", job.id());
    json.put("state", phase.state().name().toLowerCase(Locale.ROOT));
    if (phase.queuePosition() != null) {
      json.put("queue_position", phase.queuePosition());
    }
    if (phase.progressPercent() != null) {
      json.put("progress", phase.progressPercent());
    }
    if (phase.etaSeconds() != null) {
      json.put("eta", phase.etaSeconds());
    }
    if (phase.failureReason() != null) {
      json.put("reason", phase.failureReason());
    }
    if (phase.state() == JobState.SUCCEEDED) {
      json.put("video_url", videoUrl(job.id()));
    }
    return json;
  }
}
