package io.github.pixverse4j.testkit;

import io.github.pixverse4j.simulator.JobPhase;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.Routes;
import io.github.pixverse4j.simulator.SimJob;
import io.github.pixverse4j.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal job API used to prove the contract kit: {@code POST /jobs}, {@code GET /jobs/{id}},
 * {@code POST /jobs/{id}/cancel}, Bearer auth.
 */
final class ReferenceSimulator extends ProviderSimulator {
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
    routes.add("POST", "/jobs", "submit", r -> {
      SimJob job = createJob(newJobId(), r.bodyUtf8());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("id", job.id());
      return SimResponse.json(201, body);
    });
    routes.add("GET", "/jobs/([^/]+)", "status", r -> {
      SimJob job = job(r.pathParam(1));
      if (job == null) return SimResponse.json(404, Map.of("error", "no such job"));
      return SimResponse.json(200, render(job.id(), job.observe()));
    });
    routes.add("POST", "/jobs/([^/]+)/cancel", "cancel", r -> {
      SimJob job = job(r.pathParam(1));
      if (job == null) return SimResponse.json(404, Map.of("error", "no such job"));
      job.cancel();
      return SimResponse.json(202, Map.of("status", "cancelling"));
    });
  }

  private Map<String, Object> render(String id, JobPhase phase) {
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
