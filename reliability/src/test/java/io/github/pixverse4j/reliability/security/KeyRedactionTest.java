package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.cli.CliRunner;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The API key never appears in what the library or the command line shows: exception messages,
 * {@code toString()}s, full stack traces (causes included), task handles and tokens, CLI output
 * with and without {@code --verbose}. The simulators are made to echo the key back in every way a
 * careless provider or gateway could: in JSON, text and HTML error bodies of every status, split by
 * a line break, in the fields of each protocol's error envelope.
 */
@DisplayName("security: the API key never shows")
class KeyRedactionTest {
  /**
   * Underscores, not dashes: a JSON parser reports a bare token up to the first non-identifier
   * character.
   */
  static final String KEY = "sk_live_7Hq2ZpX9vR4mT1wK8nB3";

  @TempDir Path dir;

  /** Bodies that echo the key, by name; each is served by every endpoint in turn. */
  static Map<String, Fault> echoes() {
    Map<String, Fault> m = new LinkedHashMap<>();
    String json =
        "{\"error\":\"invalid key "
            + KEY
            + "\",\"detail\":\""
            + KEY
            + "\",\"message\":\""
            + KEY
            + "\",\"error_type\":\""
            + KEY
            + "\",\"ErrCode\":10005,\"ErrMsg\":\""
            + KEY
            + "\",\"err_code\":10005,"
            + "\"err_msg\":\""
            + KEY
            + "\",\"code\":\""
            + KEY
            + "\",\"reason\":\""
            + KEY
            + "\"}";
    m.put("401 JSON echo", Fault.status(401, json));
    m.put("403 text echo", Fault.status(403, "forbidden for " + KEY).withContentType("text/plain"));
    m.put("400 JSON echo", Fault.status(400, json));
    m.put("422 JSON echo", Fault.status(422, json));
    m.put("402 JSON echo", Fault.status(402, json));
    m.put("404 JSON echo", Fault.status(404, json));
    m.put(
        "500 HTML echo",
        Fault.status(500, "<html><body>Authorization: Bearer " + KEY + "</body></html>")
            .withContentType("text/html"));
    m.put("429 echo", Fault.status(429, json).withHeader("Retry-After", "0"));
    m.put("200 error envelope echo", Fault.status(200, json).withContentType("application/json"));
    m.put(
        "split by a line break",
        Fault.status(
            401,
            "{\"error\":\"bad key "
                + KEY.substring(0, 9)
                + "\\n"
                + KEY.substring(9)
                + "\"}\n"
                + KEY.substring(0, 9)
                + "\r\n"
                + KEY.substring(9)));
    // Echoes inside answers the provider reports as successes.
    m.put(
        "unknown status value",
        Fault.status(
                200,
                "{\"status\":\""
                    + KEY
                    + "\",\"request_id\":\"r1\","
                    + "\"task\":{\"task_id\":\"t1\",\"status\":\""
                    + KEY
                    + "\"},\"ErrCode\":0,\"ErrMsg\":\"success\","
                    + "\"Resp\":{\"id\":1,\"status\":\""
                    + KEY
                    + "\",\"url\":\""
                    + KEY
                    + "\"}}")
            .withContentType("application/json"));
    m.put(
        "bare token in broken JSON",
        Fault.status(200, "{\"status\": " + KEY + "}").withContentType("application/json"));
    m.put("bare token body", Fault.status(200, KEY).withContentType("application/json"));
    m.put(
        "video URL echo",
        Fault.status(
                200,
                "{\"status\":\"COMPLETED\",\"video\":{\"url\":\""
                    + KEY
                    + "\"},"
                    + "\"task\":{\"status\":\"TASK_STATUS_SUCCEED\"},\"videos\":[{\"video_url\":\""
                    + KEY
                    + "\"}],"
                    + "\"outcome\":{\"video_url\":\""
                    + KEY
                    + "\"},\"ErrCode\":0,\"Resp\":{\"id\":1,\"status\":1,\"url\":\""
                    + KEY
                    + "\"}}")
            .withContentType("application/json"));
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "exceptions, toString() and handles of every endpoint's failures never contain the key")
  void exceptionsNeverContainTheKey(Provider p) {
    List<String> leaks = new ArrayList<>();
    int errors = 0;
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      // Reads retry transient echoes until the deadline; a short one ends those streams with a
      // TaskTimeoutException, whose message and cause must be as clean as the rest.
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(1)), null);
      for (String endpoint : p.endpoints) {
        for (Map.Entry<String, Fault> echo : echoes().entrySet()) {
          sim.reset();
          sim.defaultLifecycle(Lifecycle.immediateSuccess());
          sim.faults().on(endpoint).always(echo.getValue());
          String what = endpoint + " / " + echo.getKey();
          List<Object> seen = new ArrayList<>();
          Throwable error = null;
          try {
            List<TaskStatus> statuses =
                client
                    .generate(Provider.request())
                    .doOnNext(seen::add)
                    .toList()
                    .timeout(10, TimeUnit.SECONDS)
                    .blockingGet();
            seen.addAll(statuses);
          } catch (RuntimeException e) {
            error = e;
          }
          if (error != null) {
            errors++;
            assertThat(error).as(what).isInstanceOf(VideoApiException.class);
            seen.add(error);
          }
          for (Object o : seen) {
            String text = everything(o);
            if (containsKey(text)) leaks.add(what + ": " + text);
          }
        }
      }
      // The cancel call, where there is one.
      if (p.cancelCall) {
        for (Map.Entry<String, Fault> echo : echoes().entrySet()) {
          sim.reset();
          TaskHandle h = client.submit(Provider.request()).blockingGet();
          sim.faults().on("cancel").always(echo.getValue());
          Throwable e =
              client.cancel(h).timeout(10, TimeUnit.SECONDS).materialize().blockingGet().getError();
          if (e != null && containsKey(everything(e)))
            leaks.add("cancel / " + echo.getKey() + ": " + everything(e));
        }
      }
      assertThat(client.toString()).doesNotContain(KEY);
    }
    assertThat(errors).as("failures provoked").isGreaterThan(p.endpoints.size() * 5);
    assertThat(leaks).as("exceptions or statuses that show the key").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName("ApiKey, a builder's failure and a task token never show the key")
  void valueTypesNeverShowTheKey(Provider p) {
    assertThat(ApiKey.of(KEY).toString()).doesNotContain(KEY);
    assertThat(String.valueOf(ApiKey.of(KEY).hashCode())).doesNotContain(KEY);
    // A key with a character that cannot go into a header is refused without echoing it.
    try {
      p.builder().apiKey(KEY + "\n" + KEY);
    } catch (IllegalArgumentException e) {
      assertThat(everything(e)).doesNotContain(KEY);
    }
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(10)), null);
      List<TaskStatus> statuses =
          client.generate(Provider.request()).toList().timeout(10, TimeUnit.SECONDS).blockingGet();
      for (TaskStatus s : statuses) {
        assertThat(s.handle().token()).doesNotContain(KEY);
        assertThat(TaskHandle.parse(s.handle().token()).toString()).doesNotContain(KEY);
        assertThat(s.toString()).doesNotContain(KEY);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "the command line never prints the key, not even with --verbose and echoing error bodies")
  void cliNeverPrintsTheKey(Provider p) {
    List<String> leaks = new ArrayList<>();
    int failures = 0;
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      Map<String, String> env = Map.of(p.envVar, KEY);
      // Reads retry transient echoes until --timeout: keep it short.
      String[] common = {
        "--base-url", sim.baseUrl(), "--verbose", "--poll-interval", "10ms", "--timeout", "1s"
      };
      for (String endpoint : p.endpoints) {
        int n = 0;
        for (Map.Entry<String, Fault> echo : echoes().entrySet()) {
          // --json prints the same message in a field; three echoes per endpoint cover that path.
          for (boolean json : n++ < 3 ? new boolean[] {false, true} : new boolean[] {false}) {
            sim.reset();
            sim.defaultLifecycle(Lifecycle.immediateSuccess());
            sim.faults().on(endpoint).always(echo.getValue());
            List<String> args =
                new ArrayList<>(
                    List.of(
                        "generate",
                        "--provider",
                        p.id,
                        "--image",
                        "https://example.com/images/cat.png",
                        "--prompt",
                        "a cat",
                        "--no-download"));
            args.addAll(List.of(common));
            if (json) args.add("--json");
            CliRunner.Result r = CliRunner.run(env, dir, args.toArray(new String[0]));
            if (r.exitCode != 0) failures++;
            if (containsKey(r.all()))
              leaks.add(endpoint + " / " + echo.getKey() + (json ? " --json" : "") + ":\n" + r);
          }
        }
      }
      // A successful run with every command, verbose.
      sim.reset();
      sim.defaultLifecycle(Lifecycle.immediateSuccess());
      List<String> args =
          new ArrayList<>(
              List.of(
                  "generate",
                  "--provider",
                  p.id,
                  "--image",
                  "https://example.com/images/cat.png",
                  "--prompt",
                  "a cat",
                  "--json"));
      args.addAll(List.of(common));
      CliRunner.Result ok = CliRunner.run(env, dir, args.toArray(new String[0]));
      assertThat(ok.exitCode).as(ok.toString()).isZero();
      String token = ok.stdout.replaceAll("(?s).*\"task\":\"([^\"]+)\".*", "$1");
      List<CliRunner.Result> more = new ArrayList<>();
      more.add(CliRunner.run(env, dir, concat(new String[] {"status", token}, common)));
      more.add(
          CliRunner.run(env, dir, concat(new String[] {"download", token, "--force"}, common)));
      more.add(CliRunner.run(env, dir, concat(new String[] {"cancel", token}, common)));
      more.add(CliRunner.run(env, dir, "providers"));
      more.add(CliRunner.run(env, dir, "providers", "--json"));
      for (CliRunner.Result r : more) {
        if (containsKey(ok.all() + r.all())) leaks.add("successful run:\n" + ok + "\n" + r);
      }
    }
    assertThat(failures).as("failing runs provoked").isGreaterThan(p.endpoints.size() * 5);
    assertThat(leaks).as("CLI output that shows the key").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------

  static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** The key, or the key split by whitespace or control characters. */
  static boolean containsKey(String text) {
    return text.contains(KEY) || text.replaceAll("[\\s\\p{Cntrl}]", "").contains(KEY);
  }

  /** toString(), message and full stack trace (causes and suppressed included) of anything. */
  static String everything(Object o) {
    if (!(o instanceof Throwable)) return String.valueOf(o);
    Throwable t = (Throwable) o;
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    StringBuilder b = new StringBuilder(w.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      b.append('\n')
          .append(c)
          .append('\n')
          .append(c.getMessage())
          .append('\n')
          .append(c.getLocalizedMessage());
      if (c instanceof VideoApiException) {
        VideoApiException v = (VideoApiException) c;
        b.append('\n').append(v.baseMessage()).append('\n').append(v.details());
        v.handle().ifPresent(h -> b.append('\n').append(h).append('\n').append(h.token()));
      }
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "the key echoed in any field of any real answer never reaches a message, status or failure")
  void keyInAnyFieldOfARealAnswer(Provider p) {
    Map<String, List<String>> real = RealAnswers.capture(p, KEY);
    List<String> leaks = new ArrayList<>();
    int cases = 0;
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(10)), null);
      for (Map.Entry<String, List<String>> e : real.entrySet()) {
        for (String body : e.getValue()) {
          List<String> variants =
              new ArrayList<>(RealAnswers.withEachLeafReplaced(body, RealAnswers.text(KEY)));
          variants.addAll(
              RealAnswers.withEachLeafReplaced(
                  body, RealAnswers.text("https://cdn.example/v.mp4?k=" + KEY)));
          for (String variant : variants) {
            cases++;
            sim.reset();
            sim.defaultLifecycle(Lifecycle.immediateSuccess());
            sim.faults()
                .on(e.getKey())
                .next(1, Fault.status(200, variant).withContentType("application/json"));
            List<Object> seen = new ArrayList<>();
            try {
              client
                  .generate(Provider.request())
                  .doOnNext(seen::add)
                  .timeout(10, TimeUnit.SECONDS)
                  .ignoreElements()
                  .blockingAwait();
            } catch (RuntimeException error) {
              seen.add(error);
            }
            for (Object o : seen) {
              // A video and its URL are the provider's to describe and are shown on purpose; so is
              // the task id the provider chose (it is needed to poll), even if it holds the key.
              String text = o instanceof TaskStatus ? withoutVideos((TaskStatus) o) : everything(o);
              text = withoutTaskId(text, o);
              if (containsKey(text)) leaks.add(e.getKey() + " answer " + variant + ":\n" + text);
            }
          }
        }
      }
    }
    assertThat(cases).as("variants served").isGreaterThan(10);
    assertThat(leaks).as("statuses or errors that show the key").isEmpty();
  }

  static String withoutVideos(TaskStatus s) {
    String text = s.toString();
    for (io.github.pixverse4j.api.Video v : s.videos())
      text = text.replace(v.toString(), "<video>");
    return text;
  }

  static String withoutTaskId(String text, Object seen) {
    TaskHandle h =
        seen instanceof TaskStatus
            ? ((TaskStatus) seen).handle()
            : seen instanceof io.github.pixverse4j.api.VideoApiException
                ? ((io.github.pixverse4j.api.VideoApiException) seen).handle().orElse(null)
                : null;
    if (h == null || !h.taskId().contains(KEY)) return text;
    return text.replace(h.token(), "<token>")
        .replace(h.toString(), "<handle>")
        .replace(h.taskId(), "<task id>");
  }
}
