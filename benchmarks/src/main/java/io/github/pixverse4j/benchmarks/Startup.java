package io.github.pixverse4j.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CLI's start-up next to {@code java -version}: {@code --help}, and {@code generate
 * --simulate} up to the moment the task token is printed (JVM, command model, in-process
 * simulator, upload and submit), each with and without an AppCDS archive of the command's
 * classes. The variants run in turns within each round, so a busy machine slows all alike.
 */
final class Startup {
  static final int ROUNDS = 9;
  private static final Path CAT = Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  private Startup() {}

  static Map<String, Object> run() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Paths.get("..", "cli", "target", "pixverse4j-cli-0.1.0-SNAPSHOT-all.jar").toAbsolutePath().normalize();
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Files.exists(jar)) {
      m.put("javaVersionMs", medianMs(List.of(java, "-version")));
      m.put("cliHelpMs", "cli jar not built (./mvnw -pl cli -am package -DskipTests)");
      return m;
    }
    Path work = Files.createTempDirectory("pixverse4j-startup");
    Path archive = work.resolve("pixverse4j-cli.jsa");
    // Training run: the archive holds every class a simulated generate loads.
    Process training = new ProcessBuilder(java, "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
        "generate", "--simulate", "--image", CAT.toString(), "--prompt", "training run", "--no-download")
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!training.waitFor(2, TimeUnit.MINUTES) || training.exitValue() != 0 || !Files.exists(archive)) {
      throw new IllegalStateException("the AppCDS training run failed");
    }
    String cds = "-XX:SharedArchiveFile=" + archive;
    List<String> help = List.of(java, "-jar", jar.toString(), "--help");
    List<String> helpCds = List.of(java, cds, "-jar", jar.toString(), "--help");
    List<String> generate = List.of(java, "-jar", jar.toString(), "generate", "--simulate", "--image",
        CAT.toString(), "--prompt", "start-up", "--no-download");
    List<String> generateCds = new ArrayList<>(generate);
    generateCds.add(1, cds);

    long[][] t = new long[5][ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      t[0][i] = ms(List.of(java, "-version"), null, work);
      t[1][i] = ms(help, null, work);
      t[2][i] = ms(helpCds, null, work);
      t[3][i] = ms(generate, "Task: ", work);
      t[4][i] = ms(generateCds, "Task: ", work);
    }
    m.put("rounds", ROUNDS);
    m.put("javaVersionMs", median(t[0]));
    m.put("cliHelpMs", median(t[1]));
    m.put("cliHelpAppCdsMs", median(t[2]));
    m.put("generateSimulateToTaskMs", median(t[3]));
    m.put("generateSimulateToTaskAppCdsMs", median(t[4]));
    m.put("appCdsArchiveMiB", Files.size(archive) >> 20);
    Files.deleteIfExists(archive);
    return m;
  }

  /** Milliseconds until the process ends, or until a stderr/stdout line starts with {@code until}. */
  static long ms(List<String> command, String until, Path dir) throws Exception {
    long t0 = System.nanoTime();
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
    if (until == null) {
      Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      return (System.nanoTime() - t0) / 1_000_000;
    }
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith(until)) return (System.nanoTime() - t0) / 1_000_000;
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
    throw new IllegalStateException(command + " never printed '" + until + "'");
  }

  static long medianMs(List<String> command) throws Exception {
    long[] t = new long[7];
    for (int i = 0; i < t.length; i++) t[i] = ms(command, null, Paths.get(""));
    return median(t);
  }

  private static long median(long[] values) {
    long[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
