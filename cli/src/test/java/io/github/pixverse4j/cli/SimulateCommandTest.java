package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pixverse4j simulate}: started in-process on a free port, driven by generate and watch as a
 * user would from another terminal, and stopped; its argument errors.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SimulateCommandTest {
  private static final Pattern BASE_URL =
      Pattern.compile("(?m)^Simulating (\\S+) at (http://127\\.0\\.0\\.1:(\\d+)\\S*)$");
  private static final Pattern EXPORT = Pattern.compile("(?m)^  export (\\w+)=(\\S+)$");

  @TempDir Path dir;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private String stdout = "";
  private String stderr = "";

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  static java.util.stream.Stream<String> providerIds() {
    return CliTest.providerIds();
  }

  /** Output that wakes up the test waiting for a line (no polling, no sleeps). */
  static final class WatchedOutput extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] c, int off, int len) {
      text.append(c, off, len);
      notifyAll();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized String await(Predicate<String> condition) throws InterruptedException {
      while (!condition.test(text.toString())) wait();
      return text.toString();
    }

    @Override
    public synchronized String toString() {
      return text.toString();
    }
  }

  private int run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
            .execute(args);
    stdout = out.toString();
    stderr = err.toString();
    return code;
  }

  private static boolean listening(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      return true;
    } catch (ConnectException refused) {
      return false;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "simulate serves a provider until Ctrl-C: generate and watch with --base-url and the printed"
          + " key work against it, then it stops with 130 and its port is closed")
  void servesUntilInterrupted(String provider) throws Exception {
    WatchedOutput out = new WatchedOutput();
    StringWriter err = new StringWriter();
    Main server =
        new Main(n -> null, new PrintWriter(out, true), new PrintWriter(err, true), dir, false);
    Future<Integer> exit =
        pool.submit(
            () ->
                server.execute(
                    "simulate", "--provider", provider, "--queue", "0", "--run", "300ms"));
    String banner = out.await(t -> t.contains("Press Ctrl-C to stop."));
    Matcher url = BASE_URL.matcher(banner);
    Matcher key = EXPORT.matcher(banner);
    assertThat(url.find()).as(banner).isTrue();
    assertThat(key.find()).as(banner).isTrue();
    assertThat(url.group(1)).isEqualTo(provider);
    assertThat(key.group(1)).isEqualTo(Connection.factory(provider).apiKeyEnvironmentVariable());
    assertThat(banner)
        .contains("every video is a 1-second 64x64 placeholder")
        .contains("pixverse4j watch TOKEN --base-url " + url.group(2));
    int port = Integer.parseInt(url.group(3));

    Map<String, String> env = new HashMap<>();
    env.put(key.group(1), key.group(2));
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
    // The generate line the banner prints, as a user would copy it.
    assertThat(
            run(
                env,
                "generate",
                "--provider",
                provider,
                "--base-url",
                url.group(2),
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "the cat turns its head",
                "--poll-interval",
                "20ms",
                "--output",
                dir.resolve("first.mp4").toString()))
        .as("generate; stderr: %s", stderr)
        .isZero();
    assertThat(dir.resolve("first.mp4")).hasBinaryContent(ProviderSimulatorBytes.SAMPLE);
    Matcher task = Pattern.compile("(?m)^Task: (\\S+)").matcher(stderr);
    assertThat(task.find()).as(stderr).isTrue();
    assertThat(
            run(
                env,
                "watch",
                task.group(1),
                "--base-url",
                url.group(2),
                "--poll-interval",
                "20ms",
                "--output",
                dir.resolve("again.mp4").toString()))
        .as("watch; stderr: %s", stderr)
        .isZero();
    assertThat(dir.resolve("again.mp4")).hasBinaryContent(ProviderSimulatorBytes.SAMPLE);

    assertThat(exit.isDone()).as("the server runs until Ctrl-C").isFalse();
    server.interrupt();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(out.toString())
        .contains("Stopped: the " + provider + " simulator at " + url.group(2) + " is closed.");
    assertThat(listening(port)).as("port %d after Ctrl-C", port).isFalse();
    assertThat(err.toString()).isEmpty();
  }

  /** The sample video every simulator serves. */
  static final class ProviderSimulatorBytes {
    static final byte[] SAMPLE;

    static {
      try (ProviderSimulator sim = EmbeddedSimulators.create("gmi")) {
        SAMPLE = sim.mediaBytes();
      }
    }
  }

  @Test
  @DisplayName("--fail-rate 1 fails every job at the end of its run")
  void failRate() throws Exception {
    WatchedOutput out = new WatchedOutput();
    Main server =
        new Main(
            n -> null,
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            dir,
            false);
    Future<Integer> exit =
        pool.submit(
            () ->
                server.execute(
                    "simulate",
                    "--provider",
                    "gmi",
                    "--queue",
                    "0",
                    "--run",
                    "100ms",
                    "--fail-rate",
                    "1"));
    String banner = out.await(t -> t.contains("Press Ctrl-C to stop."));
    assertThat(banner).contains("runs 100ms, and 100% of the jobs fail");
    Matcher url = BASE_URL.matcher(banner);
    Matcher key = EXPORT.matcher(banner);
    assertThat(url.find() && key.find()).isTrue();
    Map<String, String> env =
        Map.of(key.group(1), key.group(2), "PIXVERSE4J_HOME", dir.resolve("state").toString());
    assertThat(
            run(
                env,
                "generate",
                "--provider",
                "gmi",
                "--base-url",
                url.group(2),
                "--image",
                "https://example.com/cat.png",
                "--prompt",
                "a cat",
                "--poll-interval",
                "20ms"))
        .as(stderr)
        .isEqualTo(ExitCodes.TASK_FAILED);
    assertThat(stdout + stderr).contains("simulated failure (--fail-rate 1)");
    server.interrupt();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.INTERRUPTED);
  }

  @Test
  @DisplayName("every bad argument is named at once, with exit 2 and nothing started")
  void argumentErrors() {
    assertThat(run(Map.of(), "simulate", "--provider", "nope")).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains("Unknown provider 'nope': use one of ")
        .contains(
            io.github.pixverse4j.api.internal.ListText.of(
                    CliTest.providerIds().collect(java.util.stream.Collectors.toList()), "or")
                + " (");
    assertThat(stdout).isEmpty();

    assertThat(
            run(
                Map.of(),
                "simulate",
                "--provider",
                "gmi",
                "--port",
                "70000",
                "--queue",
                "5x",
                "--run",
                "-1s",
                "--fail-rate",
                "1.5"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains(
            "--port must be a port number from 1 to 65535 (or left out for a free one),"
                + " got '70000'.")
        .contains("--queue must be a duration such as 5s, 2m or 1m30s (0 for none), got '5x'.")
        .contains("--run must be a duration such as 5s, 2m or 1m30s (0 for none), got '-1s'.")
        .contains(
            "--fail-rate must be a number from 0 to 1 (0.1 fails one job in ten), got '1.5'.");
    assertThat(stdout).isEmpty();

    for (String bad : List.of("abc", "0", "-1", "65536", "")) {
      assertThat(run(Map.of(), "simulate", "--port", bad)).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(stderr).as(bad).contains("--port must be a port number from 1 to 65535");
    }
    for (String bad : List.of("abc", "-0.1", "NaN", "2", "")) {
      assertThat(run(Map.of(), "simulate", "--fail-rate", bad)).as(bad).isEqualTo(ExitCodes.USAGE);
      assertThat(stderr).as(bad).contains("--fail-rate must be a number from 0 to 1");
    }
  }

  @Test
  @DisplayName("a port in use is named, with another --port as the way out (exit 1)")
  void portInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThat(run(Map.of(), "simulate", "--provider", "gmi", "--port", Integer.toString(port)))
          .isEqualTo(ExitCodes.OTHER);
      assertThat(stderr)
          .contains("The gmi simulator cannot listen on 127.0.0.1:" + port)
          .contains("choose another --port, or leave it out for a free one.");
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  @DisplayName("Ctrl-C on the real process stops the server: the last line says so, exit 130")
  void ctrlCOnTheProcess() throws Exception {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "simulate",
                "--provider",
                "gmi"));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      int port = -1;
      for (String line; (line = r.readLine()) != null; ) {
        Matcher m = BASE_URL.matcher(line);
        if (m.find()) port = Integer.parseInt(m.group(3));
        if (line.equals("Press Ctrl-C to stop.")) break;
      }
      assertThat(port).isPositive();
      assertThat(listening(port)).isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      String rest =
          new String(
              r.lines().reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8),
              StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(130);
      assertThat(rest).startsWith("Stopped: the gmi simulator at http://127.0.0.1:" + port);
      assertThat(listening(port)).isFalse();
      assertThat(Files.readString(dir.resolve("err.txt"))).isEmpty();
    } finally {
      p.destroyForcibly();
    }
  }
}
