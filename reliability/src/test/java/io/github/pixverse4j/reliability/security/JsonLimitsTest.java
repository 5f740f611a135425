package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile sizes and shapes: nesting far deeper than 64, a string over the 1 MiB string limit (in a
 * field the client reads), a number of 1,000 digits, a 2 MiB+ string, and bodies over the 2 MiB cap
 * with and without {@code Content-Length}. Each must end quickly in {@link
 * MalformedResponseException} or {@link TransportException} (for a submit: {@link
 * SubmitOutcomeUnknownException} caused by one of them, since a job may exist), on the submit and
 * on the status call of every provider.
 */
@DisplayName("security: JSON stream limits and the body cap")
class JsonLimitsTest {
  static final String KEY = "limits-key-Qm3";
  static final Duration QUICKLY = Duration.ofSeconds(5);

  /**
   * Hostile answers by name; built from the real answer of the endpoint so that the client reads
   * the field.
   */
  static Map<String, Fault> hostile(String realAnswer) {
    Map<String, Fault> m = new LinkedHashMap<>();
    String deep = "[".repeat(5000) + "]".repeat(5000);
    m.put("nesting depth 5000", json("{\"x\":" + deep + "}"));
    m.put(
        "nesting depth 100 in the answer",
        json(realAnswer.replaceFirst("\\{", "{\"x\":" + "[".repeat(100) + "]".repeat(100) + ",")));
    m.put(
        "1.1 MiB string in every text field",
        json(everyTextLeaf(realAnswer, "a".repeat(1100 * 1024))));
    m.put(
        "number of 1000 digits",
        json(realAnswer.replaceFirst("\\{", "{\"n\":" + "9".repeat(1000) + ",")));
    m.put("2 MiB+ string", json("{\"status\":\"" + "b".repeat(2 * 1024 * 1024 + 10) + "\"}"));
    m.put("3 MiB body with Content-Length", Fault.hugeBody(3L * 1024 * 1024));
    m.put("3 MiB chunked body", Fault.hugeChunkedBody(3L * 1024 * 1024));
    return m;
  }

  static Fault json(String body) {
    return Fault.status(200, body).withContentType("application/json");
  }

  /**
   * {@code json} with every text value replaced by {@code value} (so the fields the client reads
   * are hit).
   */
  static String everyTextLeaf(String json, String value) {
    try {
      com.fasterxml.jackson.databind.JsonNode root = RealAnswers.JSON.readTree(json);
      List<List<Object>> paths = new ArrayList<>();
      RealAnswers.leaves(root, new ArrayList<>(), paths);
      for (List<Object> path : paths) {
        com.fasterxml.jackson.databind.JsonNode n = root;
        for (Object k : path) n = k instanceof Integer ? n.get((Integer) k) : n.get((String) k);
        if (n.isTextual()) RealAnswers.set(root, path, RealAnswers.text(value));
      }
      return root.toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "deep nesting, long strings, long numbers and oversized bodies end quickly in a typed error")
  void limitsAreEnforced(Provider p) {
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    List<String> problems = new ArrayList<>();
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(20)), null);
      for (String endpoint : List.of("submit", "status")) {
        String realAnswer = real.get(endpoint).get(real.get(endpoint).size() - 1);
        for (Map.Entry<String, Fault> h : hostile(realAnswer).entrySet()) {
          sim.reset();
          sim.defaultLifecycle(Lifecycle.immediateSuccess());
          sim.faults().on(endpoint).always(h.getValue());
          String what = endpoint + " / " + h.getKey();
          long start = System.nanoTime();
          Throwable error = null;
          try {
            if (endpoint.equals("submit")) {
              client
                  .submit(Provider.request())
                  .timeout(QUICKLY.toMillis(), TimeUnit.MILLISECONDS)
                  .blockingGet();
            } else {
              sim.faults().on(endpoint).clear();
              TaskHandle handle = client.submit(Provider.request()).blockingGet();
              sim.faults().on(endpoint).always(h.getValue());
              client
                  .status(handle)
                  .timeout(QUICKLY.toMillis(), TimeUnit.MILLISECONDS)
                  .blockingGet();
            }
          } catch (RuntimeException e) {
            error = e;
          }
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          Throwable cause =
              error instanceof SubmitOutcomeUnknownException ? error.getCause() : error;
          boolean typed =
              cause instanceof MalformedResponseException || cause instanceof TransportException;
          if (!typed) problems.add(what + " -> " + (error == null ? "accepted" : error.toString()));
          if (took.compareTo(QUICKLY) >= 0) problems.add(what + " took " + took);
          if (endpoint.equals("status")
              && error instanceof VideoApiException
              && !((VideoApiException) error).handle().isPresent()) {
            problems.add(what + " -> the error does not carry the handle");
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
