package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code pixverse4j} launcher's first run, with a scripted Maven wrapper and java: the build
 * shows progress instead of minutes of silence, runs once when two first runs start together, and
 * Ctrl-C during it leaves nothing that breaks the next run.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Paths.get("..", "pixverse4j").toAbsolutePath().normalize();

  /**
   * The start-up flags the launcher gives every run of the command (benchmarks/results/startup.md).
   */
  private static final String FLAGS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData";

  @TempDir Path root;
  private String stdout;
  private String stderr;
  private final java.util.Map<String, String> extraEnv = new java.util.HashMap<>();

  @BeforeEach
  void copyScript() throws Exception {
    assumeTrue(
        new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
    Files.copy(SCRIPT, root.resolve("pixverse4j"));
    Files.createDirectories(root.resolve("cli"));
    Path bin = Files.createDirectories(root.resolve("fake-bin"));
    // A java that records a class-data archive when asked to, like the real one.
    executable(
        bin.resolve("java"),
        "#!/usr/bin/env bash\n"
            + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) touch \"${a#*=}\";;"
            + " esac; done\n"
            + "echo \"java $*\"\n");
  }

  private static void executable(Path file, String text) throws Exception {
    Files.writeString(file, text);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  /** A wrapper printing what Maven prints on a first run, then building the jar (or failing). */
  private void mavenWrapper(int exitCode) throws Exception {
    executable(
        root.resolve("mvnw"),
        "#!/usr/bin/env bash\n"
            + "echo 'Downloading"
            + " https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.9/x.zip'\n"
            + "echo '[INFO] Scanning for projects...'\n"
            + "echo '[INFO] Downloading from central:"
            + " https://repo.maven.apache.org/maven2/a/b/1/b-1.pom'\n"
            + "echo '[INFO] Downloading from central:"
            + " https://repo.maven.apache.org/maven2/a/c/1/c-1.pom'\n"
            + "echo '[INFO] Building pixverse4j API model 0.1.0-SNAPSHOT                           "
            + "      [1/3]'\n"
            + "echo '[INFO] Building pixverse4j client 0.1.0-SNAPSHOT                              "
            + "      [2/3]'\n"
            + "echo '[INFO] Building pixverse4j command line 0.1.0-SNAPSHOT                        "
            + "      [3/3]'\n"
            + "mkdir -p cli/target && touch cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar\n"
            + "exit "
            + exitCode
            + "\n");
  }

  private int run(String... args) throws Exception {
    Path err = root.resolve("stderr.txt");
    Process p = start(err, args);
    stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    stderr = Files.readString(err);
    return p.exitValue();
  }

  /**
   * Starts the script in a session of its own (so it leads its own process group, as a shell's
   * foreground job does), stderr going to {@code err}.
   */
  private Process start(Path err, String... args) throws Exception {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "setsid";
    cmd[1] = "bash";
    cmd[2] = root.resolve("pixverse4j").toString();
    System.arraycopy(args, 0, cmd, 3, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment()
        .put("PATH", root.resolve("fake-bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("PIXVERSE4J_CLASSPATH");
    // Settings that change picocli's colours: with them the launcher never prints its recorded
    // help.
    for (String v :
        new String[] {
          "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"
        }) {
      pb.environment().remove(v);
    }
    pb.environment().putAll(extraEnv);
    pb.redirectError(err.toFile());
    return pb.start();
  }

  /** Waits (bounded) until {@code condition} holds; the scripts signal their steps with files. */
  private static void await(String what, java.util.function.BooleanSupplier condition)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /**
   * A wrapper that notes each run in {@code mvnw-runs}, writes a part of the jar, says it started
   * (with its process group), then waits for the file {@code go} before it finishes the jar. Like
   * Maven's JVM, it exits 130 on Ctrl-C.
   */
  private void slowMavenWrapper() throws Exception {
    executable(
        root.resolve("mvnw"),
        "#!/usr/bin/env bash\n"
            + "trap 'exit 130' INT\n"
            + "echo run >> mvnw-runs\n"
            + "echo '[INFO] Building pixverse4j API model 0.1.0-SNAPSHOT                           "
            + "      [1/3]'\n"
            + "mkdir -p cli/target && echo part >"
            + " cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar\n"
            + "ps -o pgid= -p $$ | tr -d ' ' > started.tmp && mv started.tmp started\n"
            + "for i in $(seq 1 1200); do [ -f go ] && break; sleep 0.05; done\n"
            + "[ -f go ] || exit 3\n"
            + "echo whole > cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar\n");
  }

  @Test
  @DisplayName(
      "two first runs at once build once: the second waits for the first, then runs the jar")
  void concurrentFirstRuns() throws Exception {
    slowMavenWrapper();
    Path err1 = root.resolve("err1.txt");
    Path err2 = root.resolve("err2.txt");
    Process first = start(err1, "--version");
    await("the first build to start", () -> Files.exists(root.resolve("started")));
    Process second = start(err2, "providers");
    await(
        "the second run to wait (or, wrongly, to build too)",
        () -> {
          try {
            return Files.readString(err2).contains("Waiting for another run")
                || Files.readAllLines(root.resolve("mvnw-runs")).size() > 1;
          } catch (java.io.IOException e) {
            return false;
          }
        });
    Files.createFile(root.resolve("go"));
    String out1 = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String out2 = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(err1)).isZero();
    assertThat(second.exitValue()).as(Files.readString(err2)).isZero();
    assertThat(Files.readAllLines(root.resolve("mvnw-runs"))).as("Maven runs").hasSize(1);
    assertThat(Files.readString(err2))
        .contains("Waiting for another run of pixverse4j to finish building")
        .doesNotContain("Building the pixverse4j command line")
        .doesNotContain("Build failed");
    assertThat(out1.trim()).endsWith("pixverse4j-cli-0.1.0-SNAPSHOT-all.jar --version");
    assertThat(out2.trim()).endsWith("pixverse4j-cli-0.1.0-SNAPSHOT-all.jar providers");
    assertThat(
            Files.readString(root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar"))
                .trim())
        .isEqualTo("whole");
    assertThat(root.resolve("cli/.build-lock")).doesNotExist();
  }

  @Test
  @DisplayName(
      "Ctrl-C during the first build exits 130 without 'Build failed', leaves no half jar, and the"
          + " next run builds")
  void ctrlCDuringFirstBuild() throws Exception {
    CtrlC.assumeDeliverable();
    slowMavenWrapper();
    Path err = root.resolve("err.txt");
    Process p = start(err, "--version");
    await("the build to start", () -> Files.exists(root.resolve("started")));
    String group = Files.readString(root.resolve("started")).trim();
    // Only the script's own session is signalled, never the test's process group.
    assertThat(group).isEqualTo(Long.toString(p.pid()));
    Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + group).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(err);
    assertThat(p.exitValue()).as(text).isEqualTo(130);
    assertThat(text)
        .contains("Interrupted: the command line was not built")
        .doesNotContain("Build failed");
    assertThat(out).isEmpty();
    assertThat(root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar"))
        .as("the half-built jar")
        .doesNotExist();
    assertThat(root.resolve("cli/.build-lock")).doesNotExist();

    mavenWrapper(0);
    assertThat(run("--version")).as(stderr).isZero();
    assertThat(stderr).contains("Built. Running it:");
    assertThat(stdout.trim()).endsWith("--version");
  }

  @Test
  @DisplayName("a lock left by a build killed outright is taken over")
  void staleLock() throws Exception {
    mavenWrapper(0);
    Path lock = Files.createDirectories(root.resolve("cli/.build-lock"));
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Files.writeString(lock.resolve("pid"), Long.toString(gone.pid()));
    assertThat(run("--version")).as(stderr).isZero();
    assertThat(stdout.trim()).endsWith("--version");
    assertThat(lock).doesNotExist();
  }

  @Test
  @DisplayName(
      "the first run shows one line per module and one when dependencies are fetched, then runs the"
          + " jar")
  void firstRunShowsProgress() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).as(stderr).isZero();
    assertThat(stderr.lines())
        .containsExactly(
            "Building the pixverse4j command line (once; 1.5 to 4 minutes on 2 cores, plus"
                + " downloads on a fresh machine)...",
            "  fetching Maven and the dependencies (first run on this machine only)...",
            "  [1/3] pixverse4j API model",
            "  [2/3] pixverse4j client",
            "  [3/3] pixverse4j command line",
            "  recording the command's classes for a faster start (class-data sharing)...",
            "Built. Running it:");
    assertThat(stdout.trim())
        .as("one java run on stdout: the training run's output is discarded")
        .startsWith(
            "java "
                + FLAGS
                + " -XX:SharedArchiveFile="
                + root.resolve("cli/target/pixverse4j-cli.jsa")
                + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar ")
        .endsWith("pixverse4j-cli-0.1.0-SNAPSHOT-all.jar --version")
        .doesNotContain("\n");
    assertThat(root.resolve("cli/target-build.log")).doesNotExist();
  }

  @Test
  @DisplayName("a second run builds nothing and says nothing")
  void secondRunIsQuiet() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    assertThat(run("--help")).isZero();
    assertThat(stderr).isEmpty();
  }

  @Test
  @DisplayName("without a class-data archive (the training run failed) it runs the jar plainly")
  void withoutArchive() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    Files.delete(root.resolve("cli/target/pixverse4j-cli.jsa"));
    assertThat(run("providers")).isZero();
    assertThat(stdout.trim()).startsWith("java " + FLAGS + " -jar ").endsWith("providers");
  }

  @Test
  @DisplayName(
      "a jar built by another Maven run after the archive was recorded gets its archive recorded"
          + " again, once")
  void staleArchiveRecordedAgain() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    Path jar = root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar");
    Path jsa = root.resolve("cli/target/pixverse4j-cli.jsa");
    // What ./mvnw -B verify does a minute after the recording: a new jar, sources unchanged (not
    // newer
    // than it). The recording is moved a minute back rather than the jar into the future.
    Files.writeString(jsa, "recorded for the old jar");
    Path stamp = root.resolve("cli/target/pixverse4j-cli.jsa.recorded");
    java.nio.file.attribute.FileTime aMinuteAgo =
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
    Files.setLastModifiedTime(stamp, aMinuteAgo);
    Files.setLastModifiedTime(jsa, aMinuteAgo);
    assertThat(run("--version")).as(stderr).isZero();
    assertThat(stderr.lines())
        .containsExactly(
            "pixverse4j: the command's jar changed since its class-data archive"
                + " was recorded; recording it again for a faster start (a few seconds, once)...");
    assertThat(Files.readString(jsa)).as("the archive the training run recorded").isEmpty();
    assertThat(stdout.trim())
        .as("only the command's run on stdout")
        .isEqualTo(
            "java "
                + FLAGS
                + " -XX:SharedArchiveFile="
                + jsa
                + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar "
                + jar
                + " --version");
    assertThat(run("--help")).isZero();
    assertThat(stderr).as("recorded once: the next run is quiet").isEmpty();
    try (var files = Files.list(root.resolve("cli/target"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary archive left")
          .noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  @DisplayName(
      "a failed recording is not retried on every run: the command runs without the archive")
  void failedRecordingNotRetried() throws Exception {
    mavenWrapper(0);
    executable(
        root.resolve("fake-bin/java"),
        "#!/usr/bin/env bash\n"
            + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) exit 1;; esac; done\n"
            + "echo \"java $*\"\n");
    assertThat(run("--version")).isZero();
    assertThat(root.resolve("cli/target/pixverse4j-cli.jsa")).doesNotExist();
    assertThat(run("--version")).isZero();
    assertThat(stderr).isEmpty();
    assertThat(stdout.trim()).startsWith("java " + FLAGS + " -jar ");
  }

  @Test
  @DisplayName(
      "PIXVERSE4J_CLASSPATH puts extra provider jars after the command's jar, with and without the"
          + " archive")
  void extraJars() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    String provider = Files.createFile(root.resolve("acme-provider.jar")).toString();
    String deps = Files.createFile(root.resolve("acme-deps.jar")).toString();
    extraEnv.put("PIXVERSE4J_CLASSPATH", provider + ":" + deps);
    String jar = root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar").toString();
    assertThat(run("providers")).as(stderr).isZero();
    assertThat(stdout.trim())
        .isEqualTo(
            "java "
                + FLAGS
                + " -XX:SharedArchiveFile="
                + root.resolve("cli/target/pixverse4j-cli.jsa")
                + " -Xlog:cds=off -Xlog:cds+dynamic=off -cp "
                + jar
                + ":"
                + provider
                + ":"
                + deps
                + " io.github.pixverse4j.cli.Main providers");
    Files.delete(root.resolve("cli/target/pixverse4j-cli.jsa"));
    assertThat(run("providers")).isZero();
    assertThat(stdout.trim())
        .isEqualTo(
            "java "
                + FLAGS
                + " -cp "
                + jar
                + ":"
                + provider
                + ":"
                + deps
                + " io.github.pixverse4j.cli.Main providers");
    assertThat(stderr).isEmpty();
  }

  @Test
  @DisplayName(
      "a PIXVERSE4J_CLASSPATH entry that does not exist is named on stderr (Java would ignore it"
          + " silently)")
  void missingExtraJar() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    extraEnv.put("PIXVERSE4J_CLASSPATH", "/nonexistent/acme.jar");
    assertThat(run("providers")).isZero();
    assertThat(stderr).contains("PIXVERSE4J_CLASSPATH entry /nonexistent/acme.jar does not exist");
  }

  @Test
  @DisplayName(
      "--help prints the help recorded after the build without starting Java, but not with add-on"
          + " jars, a colour setting, or a jar newer than the recording")
  void recordedHelp() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    String jar = root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar").toString();
    Path help = root.resolve("cli/target/pixverse4j-cli.help");
    assertThat(Files.readString(help).trim())
        .isEqualTo(
            "java "
                + FLAGS
                + " -Dpicocli.ansi=false -cp "
                + jar
                + " io.github.pixverse4j.cli.Main --help");
    assertThat(Files.readString(root.resolve("cli/target/pixverse4j-cli.help.ansi")))
        .contains(" -Dpicocli.ansi=true ");
    // From now on a started java fails, so exit code 3 means Java was started.
    executable(root.resolve("fake-bin/java"), "#!/usr/bin/env bash\nexit 3\n");
    for (String arg : new String[] {"--help", "-h"}) {
      assertThat(run(arg)).as(arg).isZero();
      assertThat(stdout).as(arg).isEqualTo(Files.readString(help));
      assertThat(stderr).as(arg).isEmpty();
    }
    assertThat(run("--help", "generate")).as("anything else starts Java").isEqualTo(3);
    extraEnv.put("NO_COLOR", "1");
    assertThat(run("--help")).as("NO_COLOR").isEqualTo(3);
    extraEnv.clear();
    // An add-on provider's key variable is listed in the top help: only Java knows it.
    extraEnv.put(
        "PIXVERSE4J_CLASSPATH", Files.createFile(root.resolve("acme-provider.jar")).toString());
    assertThat(run("--help")).as("PIXVERSE4J_CLASSPATH").isEqualTo(3);
    extraEnv.clear();
    Files.setLastModifiedTime(
        help, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertThat(run("--help")).as("a recording older than the jar").isEqualTo(3);
  }

  @Test
  @DisplayName("a failed build says where the full log is and exits 1")
  void failedBuild() throws Exception {
    mavenWrapper(1);
    assertThat(run("--version")).isEqualTo(1);
    assertThat(stderr).contains("Build failed; see " + root.resolve("cli/target-build.log"));
    assertThat(Files.readString(root.resolve("cli/target-build.log")))
        .contains("[INFO] Building pixverse4j client");
    assertThat(stdout).isEmpty();
    assertThat(root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar"))
        .as("the failed build's jar")
        .doesNotExist();
    assertThat(root.resolve("cli/.build-lock")).doesNotExist();
  }
}
