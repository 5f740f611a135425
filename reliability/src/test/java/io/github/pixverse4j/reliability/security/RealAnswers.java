package io.github.pixverse4j.reliability.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The answers a provider's simulator really gives, per endpoint name, captured from complete runs
 * (queued, running, succeeded, failed, moderated, cancelled) through an OkHttp interceptor. The
 * fuzz and redaction tests serve variants of them.
 */
final class RealAnswers {
  static final ObjectMapper JSON = new ObjectMapper();

  private RealAnswers() {}

  /** Endpoint name → distinct 2xx JSON bodies seen. */
  static Map<String, List<String>> capture(Provider p, String key) {
    List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Response r = chain.proceed(chain.request());
                  bodies.add(
                      r.code() + " " + (r.body() == null ? "" : r.peekBody(1 << 20).string()));
                  return r;
                })
            .build();
    Map<String, Set<String>> byEndpoint = new LinkedHashMap<>();
    try (ProviderSimulator sim = p.startSimulator(key)) {
      VideoClient client = p.client(sim, key, Provider.fastPolicy(Duration.ofSeconds(10)), http);
      List<Lifecycle> lifecycles =
          List.of(
              Lifecycle.builder().queued(1, 2).running(50).succeeded(),
              Lifecycle.builder().running(10).failed("the render node crashed"),
              Lifecycle.builder().moderated("the image breaks the content policy"),
              Lifecycle.builder().cancelled());
      for (Lifecycle l : lifecycles) {
        sim.clearRequests();
        bodies.clear();
        sim.nextJobs(l);
        client.generate(Provider.request()).timeout(10, TimeUnit.SECONDS).blockingLast();
        List<RecordedRequest> requests = sim.requests();
        if (requests.size() != bodies.size()) {
          throw new AssertionError(requests.size() + " requests but " + bodies.size() + " answers");
        }
        for (int i = 0; i < requests.size(); i++) {
          String b = bodies.get(i);
          if (!b.startsWith("2")) continue;
          String body = b.substring(4);
          if (body.trim().startsWith("{")) {
            byEndpoint
                .computeIfAbsent(requests.get(i).endpointName(), k -> new LinkedHashSet<>())
                .add(body);
          }
        }
      }
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    Map<String, List<String>> result = new LinkedHashMap<>();
    byEndpoint.forEach((k, v) -> result.put(k, new ArrayList<>(v)));
    return result;
  }

  /**
   * One variant of {@code json} per leaf value (string, number, boolean, null), that leaf replaced
   * by {@code value}.
   */
  static List<String> withEachLeafReplaced(String json, JsonNode value) {
    List<String> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<List<Object>> paths = new ArrayList<>();
    leaves(root, new ArrayList<>(), paths);
    for (List<Object> path : paths) {
      JsonNode copy = root.deepCopy();
      set(copy, path, value);
      out.add(copy.toString());
    }
    return out;
  }

  static void leaves(JsonNode n, List<Object> path, List<List<Object>> out) {
    if (n.isObject()) {
      n.fieldNames()
          .forEachRemaining(
              f -> {
                path.add(f);
                leaves(n.get(f), path, out);
                path.remove(path.size() - 1);
              });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        path.add(i);
        leaves(n.get(i), path, out);
        path.remove(path.size() - 1);
      }
    } else {
      out.add(new ArrayList<>(path));
    }
  }

  static void set(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Object k = path.get(i);
      parent = k instanceof Integer ? parent.get((Integer) k) : parent.get((String) k);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer) ((ArrayNode) parent).set((Integer) last, value);
    else ((ObjectNode) parent).set((String) last, value);
  }

  static TextNode text(String s) {
    return TextNode.valueOf(s);
  }
}
