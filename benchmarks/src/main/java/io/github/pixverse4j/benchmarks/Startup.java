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
 * The CLI's start-up next to {@code java -version}: {@code --version}, {@code --help}, and {@code
 * generate --simulate} up to the moment the task token is printed (JVM, command model, in-process
 * simulator, upload and submit), each with plain {@code java -jar}, with an AppCDS archive of the
 * command's classes, and through the {@code pixverse4j} launcher as users start it (its build
 * check, archive and JVM flags). The variants run in turns within each round, so a busy machine
 * slows all alike; the one-minute load average before and after is recorded with them.
 */
final class Startup {
  static final int ROUNDS = 9;
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  private Startup() {}

  static Map<String, Object> run() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path jar =
        Paths.get("..", "cli", "target", "pixverse4j-cli-0.1.0-SNAPSHOT-all.jar")
            .toAbsolutePath()
            .normalize();
    Map<String, Object> m = new LinkedHashMap<>();
    if (!Files.exists(jar)) {
      m.put("javaVersionMs", medianMs(List.of(java, "-version")));
      m.put("cliHelpMs", "cli jar not built (./mvnw -pl cli -am package -DskipTests)");
      return m;
    }
    Path work = Files.createTempDirectory("pixverse4j-startup");
    Path archive = work.resolve("pixverse4j-cli.jsa");
    // Training run: the archive holds every class a simulated generate loads.
    Process training =
        new ProcessBuilder(
                java,
                "-XX:ArchiveClassesAtExit=" + archive,
                "-jar",
                jar.toString(),
                "generate",
                "--simulate",
                "--image",
                CAT.toString(),
                "--prompt",
                "training run",
                "--no-download")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!training.waitFor(2, TimeUnit.MINUTES)
        || training.exitValue() != 0
        || !Files.exists(archive)) {
      throw new IllegalStateException("the AppCDS training run failed");
    }
    String cds = "-XX:SharedArchiveFile=" + archive;
    Path launcher = Paths.get("..", "pixverse4j").toAbsolutePath().normalize();
    // The launcher records its own archive when its jar is newer than its last recording: once,
    // here.
    Process warm =
        new ProcessBuilder("bash", launcher.toString(), "--version")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!warm.waitFor(3, TimeUnit.MINUTES) || warm.exitValue() != 0) {
      throw new IllegalStateException("./pixverse4j --version failed");
    }
    List<String> generateArgs =
        List.of(
            "generate",
            "--simulate",
            "--image",
            CAT.toString(),
            "--prompt",
            "start-up",
            "--no-download");
    // Name, command, and the line that ends the measurement (null: the process's end).
    Map<String, Variant> variants = new LinkedHashMap<>();
    variants.put("javaVersionMs", new Variant(List.of(java, "-version"), null));
    variants.put("versionMs", new Variant(cli(java, List.of(), jar, List.of("--version")), null));
    variants.put(
        "versionAppCdsMs", new Variant(cli(java, List.of(cds), jar, List.of("--version")), null));
    variants.put(
        "versionLauncherMs", new Variant(List.of("bash", launcher.toString(), "--version"), null));
    variants.put("helpMs", new Variant(cli(java, List.of(), jar, List.of("--help")), null));
    variants.put(
        "helpAppCdsMs", new Variant(cli(java, List.of(cds), jar, List.of("--help")), null));
    variants.put(
        "helpLauncherMs", new Variant(List.of("bash", launcher.toString(), "--help"), null));
    variants.put(
        "generateSimulateToTaskMs", new Variant(cli(java, List.of(), jar, generateArgs), "Task: "));
    variants.put(
        "generateSimulateToTaskAppCdsMs",
        new Variant(cli(java, List.of(cds), jar, generateArgs), "Task: "));
    List<String> generateLauncher = new ArrayList<>(List.of("bash", launcher.toString()));
    generateLauncher.addAll(generateArgs);
    variants.put("generateSimulateToTaskLauncherMs", new Variant(generateLauncher, "Task: "));

    m.put("rounds", ROUNDS);
    m.put("load1mBefore", load());
    long[][] t = new long[variants.size()][ROUNDS];
    List<Variant> list = new ArrayList<>(variants.values());
    for (int i = 0; i < ROUNDS; i++) {
      for (int v = 0; v < list.size(); v++)
        t[v][i] = ms(list.get(v).command, list.get(v).until, work);
    }
    int v = 0;
    for (String name : variants.keySet()) m.put(name, median(t[v++]));
    m.put("load1mAfter", load());
    m.put("appCdsArchiveMiB", Files.size(archive) >> 20);
    Files.deleteIfExists(archive);
    return m;
  }

  /**
   * One way to start the command, and the output line that ends its measurement (null: the end).
   */
  private static final class Variant {
    final List<String> command;
    final String until;

    Variant(List<String> command, String until) {
      this.command = command;
      this.until = until;
    }
  }

  private static List<String> cli(
      String java, List<String> jvmOptions, Path jar, List<String> args) {
    List<String> c = new ArrayList<>(List.of(java));
    c.addAll(jvmOptions);
    c.addAll(List.of("-jar", jar.toString()));
    c.addAll(args);
    return c;
  }

  /** The one-minute load average (Linux), so that a reader can judge how busy the machine was. */
  private static String load() {
    try {
      return Files.readString(Paths.get("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "n/a";
    }
  }

  /**
   * Milliseconds until the process ends, or until a stderr/stdout line starts with {@code until}.
   */
  static long ms(List<String> command, String until, Path dir) throws Exception {
    long t0 = System.nanoTime();
    ProcessBuilder pb =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    if (until == null) {
      Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      return (System.nanoTime() - t0) / 1_000_000;
    }
    Process p = pb.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
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
