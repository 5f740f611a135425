package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 25, fault 5: seeded mutations of each provider's real status and result answers, served to
 * the real client through its simulator. A mutation of an optional field (a hint such as progress,
 * ETA, queue position, size, seed, width, a timestamp) to another type, out of range or away, and
 * extra fields, never end a task: the task still reaches its terminal state. A required field (the
 * status) of the wrong type ends it with an error that names that field. The seed is printed; run
 * one with {@code -Dhintfuzz.seed=<seed>}.
 */
@DisplayName("security: mutated optional hints never end a task")
class HintFuzzTest {
  static final long SEED = Long.getLong("hintfuzz.seed", System.nanoTime());
  static final String KEY = "hint-fuzz-key-Qx81z";
  static final int CASES = Integer.getInteger("hintfuzz.cases", 24);

  /** The optional numeric fields of each protocol's status and result answers. */
  static final Map<String, Set<String>> OPTIONAL =
      Map.of(
          "odirouter", Set.of("queue_position", "seed", "file_size"),
          "highway", Set.of("eta", "progress_percent", "video_url_ttl"),
          "myrouter", Set.of("eta", "progress_percent", "video_url_ttl"),
          "gmi", Set.of("created_at", "updated_at"),
          "pixverse", Set.of("outputWidth", "outputHeight", "seed", "size"),
          // fal speaks the queue family, as OdiRouter does: the same optional fields.
          "fal", Set.of("queue_position", "seed", "file_size"),
          // WaveSpeed's answers carry no optional numeric hint (no progress, no position).
          "wavespeed", Set.of());

  /** The field that carries the task id in each protocol's status answers. */
  static final Set<String> ID_FIELDS = Set.of("task_id", "request_id", "id");

  static final JsonNode[] HOSTILE = {
    TextNode.valueOf("50%"),
    JsonNodeFactory.instance.numberNode(1e308),
    JsonNodeFactory.instance.numberNode(new BigInteger("123456789012345678901234567890")),
    JsonNodeFactory.instance.booleanNode(true),
    JsonNodeFactory.instance.objectNode(),
    JsonNodeFactory.instance.arrayNode().add(1),
    JsonNodeFactory.instance.nullNode(),
    LongNode.valueOf(-1),
    TextNode.valueOf(""),
    JsonNodeFactory.instance.numberNode(-1e-300),
    TextNode.valueOf("12abc")
  };

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "hostile, missing and extra optional fields in real status and result answers never end a"
          + " task")
  void optionalFieldsNeverEndATask(Provider p) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        java.util.Objects.requireNonNull(OPTIONAL.get(p.id), "OPTIONAL lacks " + p.id).isEmpty(),
        p.id + "'s answers have no optional hint fields");
    System.out.printf("hint fuzz %s: seed %d (-Dhintfuzz.seed=%d)%n", p.id, SEED, SEED);
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    List<String[]> bodies = new ArrayList<>(); // endpoint, body with at least one optional field
    for (String endpoint : new String[] {"status", "result"}) {
      for (String body : real.getOrDefault(endpoint, List.of())) {
        if (!optionalPaths(p, body).isEmpty() && !terminalFailure(body))
          bodies.add(new String[] {endpoint, body});
      }
    }
    assertThat(bodies).as("real answers with optional fields").isNotEmpty();
    List<String> bad = new ArrayList<>();
    Random random = new Random(SEED ^ p.ordinal());
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(5)), null);
      for (int i = 0; i < CASES; i++) {
        String[] pick = bodies.get(random.nextInt(bodies.size()));
        sim.reset();
        sim.defaultLifecycle(Lifecycle.builder().running(30).succeeded());
        TaskHandle handle = client.submit(Provider.request()).blockingGet();
        String mutated = mutate(p, random, pick[1], handle.taskId());
        sim.faults()
            .on(pick[0])
            .next(1, Fault.status(200, mutated).withContentType("application/json"));
        try {
          TaskStatus last = client.watch(handle).timeout(10, TimeUnit.SECONDS).blockingLast();
          if (!last.isTerminal()) bad.add(pick[0] + " " + mutated + " -> not terminal: " + last);
        } catch (VideoApiException e) {
          bad.add(pick[0] + " " + mutated + " -> " + e.getMessage());
        } catch (RuntimeException e) {
          bad.add(pick[0] + " " + mutated + " -> " + e);
        }
      }
    }
    assertThat(bad).as("tasks ended by a mutated optional field (seed %d)", SEED).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName("a required field of the wrong type ends the task with an error naming the field")
  void requiredFieldRefusalNamesIt(Provider p) throws Exception {
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    String running = real.get("status").get(0);
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(5)), null);
      TaskHandle handle = client.submit(Provider.request()).blockingGet();
      JsonNode root = withId(RealAnswers.JSON.readTree(running), handle.taskId());
      List<String> statusPaths = new ArrayList<>();
      paths(root, "", Set.of("status"), statusPaths);
      assertThat(statusPaths).as("%s has a status field", running).isNotEmpty();
      JsonNode wrong = root.deepCopy();
      set(wrong, statusPaths.get(0), JsonNodeFactory.instance.objectNode().put("x", 1));
      sim.faults()
          .on("status")
          .always(Fault.status(200, wrong.toString()).withContentType("application/json"));
      Throwable error = null;
      try {
        client.watch(handle).timeout(10, TimeUnit.SECONDS).blockingLast();
      } catch (RuntimeException e) {
        error = e;
      }
      assertThat(error).as("a status of the wrong type").isInstanceOf(VideoApiException.class);
      assertThat(error.getMessage()).as("the refusal names the field").contains("status");
    }
  }

  // --- mutation

  /**
   * A real answer with one to three optional fields replaced, removed or joined by extra fields.
   */
  static String mutate(Provider p, Random random, String body, String taskId) throws IOException {
    JsonNode root = withId(RealAnswers.JSON.readTree(body), taskId);
    List<String> paths = optionalPaths(p, root.toString());
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n && !paths.isEmpty(); k++) {
      String path = paths.get(random.nextInt(paths.size()));
      if (random.nextInt(4) == 0) {
        remove(root, path);
        paths.remove(path);
      } else {
        set(root, path, HOSTILE[random.nextInt(HOSTILE.length)]);
      }
    }
    if (random.nextBoolean() && root.isObject()) {
      ((ObjectNode) root)
          .set("x_extra_" + random.nextInt(1000), HOSTILE[random.nextInt(HOSTILE.length)]);
    }
    return root.toString();
  }

  static boolean terminalFailure(String body) {
    // A failed, moderated or cancelled answer ends the task by itself; only hints are under test.
    String b = body.toLowerCase(java.util.Locale.ROOT);
    return b.contains("fail")
        || b.contains("moderat")
        || b.contains("cancel")
        || b.contains("\"status\":7")
        || b.contains("\"status\":8");
  }

  static List<String> optionalPaths(Provider p, String body) {
    try {
      List<String> out = new ArrayList<>();
      paths(RealAnswers.JSON.readTree(body), "", OPTIONAL.get(p.id), out);
      return out;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Paths ({@code a/b/0/c}) of every field named in {@code names}. */
  static void paths(JsonNode n, String prefix, Set<String> names, List<String> out) {
    if (n.isObject()) {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        String path = prefix.isEmpty() ? f : prefix + "/" + f;
        if (names.contains(f)) out.add(path);
        paths(n.get(f), path, names, out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) paths(n.get(i), prefix + "/" + i, names, out);
    }
  }

  /** The answer with its task id fields set to {@code taskId}, of the type they had. */
  static JsonNode withId(JsonNode root, String taskId) {
    List<String> ids = new ArrayList<>();
    paths(root, "", ID_FIELDS, ids);
    for (String path : ids) {
      JsonNode old = at(root, path);
      if (old == null || !old.isValueNode() || old.isNull()) continue;
      set(
          root,
          path,
          old.isNumber() ? LongNode.valueOf(Long.parseLong(taskId)) : TextNode.valueOf(taskId));
    }
    return root;
  }

  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    for (String k : path.split("/")) n = n.isArray() ? n.get(Integer.parseInt(k)) : n.get(k);
    return n;
  }

  static void set(JsonNode root, String path, JsonNode value) {
    int slash = path.lastIndexOf('/');
    JsonNode parent = slash < 0 ? root : at(root, path.substring(0, slash));
    String last = path.substring(slash + 1);
    if (parent.isArray()) ((ArrayNode) parent).set(Integer.parseInt(last), value);
    else ((ObjectNode) parent).set(last, value);
  }

  static void remove(JsonNode root, String path) {
    int slash = path.lastIndexOf('/');
    JsonNode parent = slash < 0 ? root : at(root, path.substring(0, slash));
    String last = path.substring(slash + 1);
    if (parent.isArray()) ((ArrayNode) parent).remove(Integer.parseInt(last));
    else ((ObjectNode) parent).remove(last);
  }
}
