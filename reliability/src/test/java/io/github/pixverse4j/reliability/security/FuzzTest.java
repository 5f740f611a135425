package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded fuzzing of what the library parses: task tokens, and every provider's answers. Each
 * provider's real answers (captured from its simulator) are mutated — JSON-aware (a value replaced
 * by another type, an extreme number, a huge or odd string; a field removed; nesting added) and
 * byte-level (flips, cuts, duplicated or deleted ranges) — and served once as a 200 JSON answer of
 * the endpoint they came from. The only acceptable results are a status or a typed {@link
 * VideoApiException}; no other exception, no error RxJava could not deliver, no call longer than
 * the bound.
 */
@DisplayName("security: fuzzed tokens and provider answers")
class FuzzTest {
  static final long SEED = 0xF022L;
  static final String KEY = "fuzz-key-Hk29xQ";

  /** Mutated answers per provider. */
  static final int CASES_PER_PROVIDER = Integer.getInteger("fuzz.cases", 300);

  /** Simulators and clients working side by side. */
  static final int WORKERS = 8;

  static final Duration CALL_BOUND = Duration.ofSeconds(5);

  private final ConcurrentLinkedQueue<Throwable> undeliverable = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void captureUndeliverable() {
    RxJavaPlugins.setErrorHandler(undeliverable::add);
  }

  @AfterEach
  void restore() {
    RxJavaPlugins.setErrorHandler(null);
  }

  @Test
  @DisplayName(
      "TaskHandle.parse accepts its own tokens and rejects anything else with"
          + " IllegalArgumentException, quickly")
  void taskHandleParse() {
    Random random = new Random(SEED);
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      TaskHandle h =
          TaskHandle.of(
              Provider.values()[i % 5].id,
              "model-" + i,
              pathSafe(wellFormed(randomText(random, 1 + random.nextInt(100)))));
      assertThat(TaskHandle.parse(h.token())).isEqualTo(h);
      valid.add(h.token());
    }
    List<String> inputs =
        new ArrayList<>(
            List.of(
                "",
                " ",
                ".",
                "pv4j",
                "pv4j.",
                "pv4j.1",
                "pv4j.1.",
                "pv4j.1...",
                "pv4j.2.a.b.c",
                "pv4j.-1.a.b.c",
                "pv4j.99999999999999999999.a.b.c",
                "pv4j.1.a.b.c.d",
                "pv4j.1.%%.b.c",
                "pv4j.1.////.b.c",
                "pv4j.1."
                    + Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28})
                    + ".b.c",
                "pv4j.1." + "A".repeat(2000),
                "pv4j.1.Lw.Lw.Lw",
                "pv4j.1.Li4.Li4.Li4vLi4v",
                "\u0000pv4j.1.a.b.c"));
    for (int i = 0; i < 5000; i++) {
      String base = valid.get(random.nextInt(valid.size()));
      inputs.add(
          random.nextInt(4) == 0 ? randomText(random, random.nextInt(64)) : mutate(random, base));
    }
    int accepted = 0;
    long start = System.nanoTime();
    for (String s : inputs) {
      try {
        TaskHandle h = TaskHandle.parse(s);
        accepted++;
        assertThat(TaskHandle.parse(h.token())).as(s).isEqualTo(h);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).as(s).startsWith("Not a pixverse4j task token");
      }
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(accepted).as("some mutations are still valid tokens").isPositive();
    assertThat(accepted).as("most are not").isLessThan(inputs.size() / 2);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "mutated real answers of every endpoint give a status or a typed error, never anything else,"
          + " and never hang")
  void mutatedAnswers(Provider p) throws Exception {
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    assertThat(real).containsKeys("submit", "status");
    List<String> endpoints = new ArrayList<>(real.keySet());
    List<String> bad = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger statuses =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger typed =
        new java.util.concurrent.atomic.AtomicInteger();
    // Each request to a simulator takes tens of milliseconds of latency, not CPU, so independent
    // workers (a simulator and a client each) run the cases side by side; case i is always the
    // same mutation, whichever worker runs it.
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(WORKERS);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        int worker = w;
        done.add(
            pool.submit(
                () -> {
                  try (ProviderSimulator sim = p.startSimulator(KEY)) {
                    VideoClient client =
                        p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(4)), null);
                    for (int i = worker; i < CASES_PER_PROVIDER; i += WORKERS) {
                      Random random = new Random(SEED * 7919 + p.ordinal() * 100_003L + i);
                      String endpoint = endpoints.get(i % endpoints.size());
                      List<String> answers = real.get(endpoint);
                      String original = answers.get(random.nextInt(answers.size()));
                      String mutated =
                          random.nextBoolean()
                              ? mutateJson(random, original)
                              : mutate(random, original);
                      sim.reset();
                      sim.defaultLifecycle(
                          i % 4 == 0
                              ? Lifecycle.builder().running(50).succeeded()
                              : Lifecycle.immediateSuccess());
                      sim.faults()
                          .on(endpoint)
                          .next(1, Fault.status(200, mutated).withContentType("application/json"));
                      try {
                        TaskStatus last =
                            client
                                .generate(Provider.request())
                                .timeout(CALL_BOUND.toMillis(), TimeUnit.MILLISECONDS)
                                .blockingLast();
                        if (!last.isTerminal())
                          bad.add(
                              endpoint + " " + mutated + " -> completed without a terminal status");
                        statuses.incrementAndGet();
                      } catch (VideoApiException e) {
                        typed.incrementAndGet();
                        if (e.getClass() == VideoApiException.class
                            && e.getCause() instanceof RuntimeException
                            && !(e.getCause() instanceof VideoApiException)) {
                          bad.add(endpoint + " " + mutated + " -> a wrapped bug: " + e.getCause());
                        }
                      } catch (RuntimeException e) {
                        Throwable t = e.getCause() instanceof TimeoutException ? e.getCause() : e;
                        bad.add("case " + i + " " + endpoint + " " + mutated + " -> " + t);
                      }
                      if (!sim.handlerFailures().isEmpty())
                        bad.add("simulator failure " + sim.handlerFailures());
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : done) f.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "fuzz %s: %d cases, %d ended with a status, %d with a typed error%n",
        p.id, CASES_PER_PROVIDER, statuses.get(), typed.get());
    assertThat(bad).as("untyped errors or hangs").isEmpty();
    assertThat(undeliverable).as("errors RxJava could not deliver").isEmpty();
    assertThat(typed.get()).as("the mutations did break parsing").isPositive();
    assertThat(statuses.get()).as("and some still parsed").isPositive();
  }

  // ---------------------------------------------------------------------------------------------

  static String randomText(Random r, int length) {
    StringBuilder b = new StringBuilder();
    String alphabet = "abcXYZ019._-/\\%:?#\"'{}[] \t\n\u0000\u00e9\u4e2d\ud83d\ude00";
    for (int i = 0; i < length; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }

  /**
   * {@code s} as a task id TaskHandle accepts: path, query, fragment and escape delimiters and
   * control characters replaced by '_', a dot segment prefixed (issue 25 refuses the others).
   */
  static String pathSafe(String s) {
    String safe = s.replaceAll("[/\\\\?#%\\p{Cntrl}]", "_");
    return safe.equals(".") || safe.equals("..") ? "x" + safe : safe;
  }

  /**
   * {@code s} without unpaired surrogates (task ids come from JSON text; see the report on lone
   * surrogates).
   */
  static String wellFormed(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
      } else if (!Character.isSurrogate(c)) {
        b.append(c);
      }
    }
    return b.length() == 0 ? "x" : b.toString();
  }

  /** Byte-level mutation: flip, delete, duplicate, truncate, insert. */
  static String mutate(Random r, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length == 0) return randomText(r, 8);
    int at = r.nextInt(b.length);
    switch (r.nextInt(6)) {
      case 0:
        b[at] ^= (byte) (1 << r.nextInt(8));
        return new String(b, StandardCharsets.ISO_8859_1);
      case 1:
        return s.substring(0, Math.min(s.length(), at));
      case 2:
        {
          int from = r.nextInt(s.length());
          int to = Math.min(s.length(), from + 1 + r.nextInt(16));
          return s.substring(0, from) + s.substring(to);
        }
      case 3:
        {
          int from = r.nextInt(s.length());
          int to = Math.min(s.length(), from + 1 + r.nextInt(16));
          return s.substring(0, to) + s.substring(from);
        }
      case 4:
        {
          int pos = r.nextInt(s.length());
          return s.substring(0, pos) + randomText(r, 1 + r.nextInt(6)) + s.substring(pos);
        }
      default:
        return s.replace(s.charAt(r.nextInt(s.length())), s.charAt(r.nextInt(s.length())));
    }
  }

  /** JSON-aware mutation of one leaf, or of the structure. */
  static String mutateJson(Random r, String json) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode[] values = {
      f.nullNode(),
      f.textNode(""),
      f.textNode("x"),
      f.textNode("-1"),
      f.textNode("../../etc/passwd"),
      f.textNode("file:///etc/passwd"),
      f.textNode("javascript:alert(1)"),
      f.textNode("http://"),
      f.textNode("\u0000\u202e\ud800"),
      f.textNode("9".repeat(400)),
      f.numberNode(-1),
      f.numberNode(0),
      f.numberNode(Long.MAX_VALUE),
      f.numberNode(Long.MIN_VALUE),
      f.numberNode(1e308),
      f.numberNode(-0.5),
      f.numberNode(new java.math.BigInteger("9".repeat(90))),
      f.booleanNode(true),
      f.booleanNode(false),
      f.arrayNode(),
      f.objectNode(),
      f.arrayNode().add(f.nullNode()),
      f.objectNode().set("a", f.arrayNode())
    };
    JsonNode value = values[r.nextInt(values.length)];
    List<String> variants = RealAnswers.withEachLeafReplaced(json, value);
    switch (r.nextInt(4)) {
      case 0:
        return "[" + json + "]";
      case 1:
        return json.replaceFirst(
            "\"[A-Za-z_]+\"\\s*:\\s*(\"[^\"]*\"|-?[0-9.]+|true|false|null)\\s*,?", "");
      default:
        return variants.isEmpty() ? "{}" : variants.get(r.nextInt(variants.size()));
    }
  }
}
