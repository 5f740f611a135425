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
 * shows progress instead of minutes of silence.
 */
class LauncherScriptTest {
  private static final Path SCRIPT = Paths.get("..", "pixverse4j").toAbsolutePath().normalize();

  @TempDir Path root;
  private String stdout;
  private String stderr;
  private final java.util.Map<String, String> extraEnv = new java.util.HashMap<>();

  @BeforeEach
  void copyScript() throws Exception {
    assumeTrue(new File("/bin/bash").canExecute() || new File("/usr/bin/bash").canExecute(), "needs bash");
    Files.copy(SCRIPT, root.resolve("pixverse4j"));
    Files.createDirectories(root.resolve("cli"));
    Path bin = Files.createDirectories(root.resolve("fake-bin"));
    // A java that records a class-data archive when asked to, like the real one.
    executable(bin.resolve("java"), "#!/usr/bin/env bash\n"
        + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) touch \"${a#*=}\";; esac; done\n"
        + "echo \"java $*\"\n");
  }

  private static void executable(Path file, String text) throws Exception {
    Files.writeString(file, text);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }

  /** A wrapper printing what Maven prints on a first run, then building the jar (or failing). */
  private void mavenWrapper(int exitCode) throws Exception {
    executable(root.resolve("mvnw"), "#!/usr/bin/env bash\n"
        + "echo 'Downloading https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/3.9.9/x.zip'\n"
        + "echo '[INFO] Scanning for projects...'\n"
        + "echo '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/b/1/b-1.pom'\n"
        + "echo '[INFO] Downloading from central: https://repo.maven.apache.org/maven2/a/c/1/c-1.pom'\n"
        + "echo '[INFO] Building pixverse4j API model 0.1.0-SNAPSHOT                                 [1/3]'\n"
        + "echo '[INFO] Building pixverse4j client 0.1.0-SNAPSHOT                                    [2/3]'\n"
        + "echo '[INFO] Building pixverse4j command line 0.1.0-SNAPSHOT                              [3/3]'\n"
        + "mkdir -p cli/target && touch cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar\n"
        + "exit " + exitCode + "\n");
  }

  private int run(String... args) throws Exception {
    String[] cmd = new String[args.length + 2];
    cmd[0] = "bash";
    cmd[1] = root.resolve("pixverse4j").toString();
    System.arraycopy(args, 0, cmd, 2, args.length);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().put("PATH", root.resolve("fake-bin") + File.pathSeparator + System.getenv("PATH"));
    pb.environment().remove("PIXVERSE4J_CLASSPATH");
    pb.environment().putAll(extraEnv);
    Path err = root.resolve("stderr.txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    stderr = Files.readString(err);
    return p.exitValue();
  }

  @Test
  @DisplayName("the first run shows one line per module and one when dependencies are fetched, then runs the jar")
  void firstRunShowsProgress() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).as(stderr).isZero();
    assertThat(stderr.lines()).containsExactly(
        "Building the pixverse4j command line (once; 1.5 to 4 minutes on 2 cores, plus downloads"
            + " on a fresh machine)...",
        "  fetching Maven and the dependencies (first run on this machine only)...",
        "  [1/3] pixverse4j API model",
        "  [2/3] pixverse4j client",
        "  [3/3] pixverse4j command line",
        "  recording the command's classes for a faster start (class-data sharing)...",
        "Built. Running it:");
    assertThat(stdout.trim()).as("one java run on stdout: the training run's output is discarded")
        .startsWith("java -XX:SharedArchiveFile=" + root.resolve("cli/target/pixverse4j-cli.jsa")
            + " -Xlog:cds=off -Xlog:cds+dynamic=off -jar ")
        .endsWith("pixverse4j-cli-0.1.0-SNAPSHOT-all.jar --version").doesNotContain("\n");
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
    assertThat(run("--help")).isZero();
    assertThat(stdout.trim()).startsWith("java -jar ").endsWith("--help");
  }

  @Test
  @DisplayName("PIXVERSE4J_CLASSPATH puts extra provider jars after the command's jar, with and without the archive")
  void extraJars() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    String provider = Files.createFile(root.resolve("acme-provider.jar")).toString();
    String deps = Files.createFile(root.resolve("acme-deps.jar")).toString();
    extraEnv.put("PIXVERSE4J_CLASSPATH", provider + ":" + deps);
    String jar = root.resolve("cli/target/pixverse4j-cli-0.1.0-SNAPSHOT-all.jar").toString();
    assertThat(run("providers")).as(stderr).isZero();
    assertThat(stdout.trim()).isEqualTo("java -XX:SharedArchiveFile=" + root.resolve("cli/target/pixverse4j-cli.jsa")
        + " -Xlog:cds=off -Xlog:cds+dynamic=off -cp " + jar + ":" + provider + ":" + deps
        + " io.github.pixverse4j.cli.Main providers");
    Files.delete(root.resolve("cli/target/pixverse4j-cli.jsa"));
    assertThat(run("providers")).isZero();
    assertThat(stdout.trim()).isEqualTo("java -cp " + jar + ":" + provider + ":" + deps
        + " io.github.pixverse4j.cli.Main providers");
    assertThat(stderr).isEmpty();
  }

  @Test
  @DisplayName("a PIXVERSE4J_CLASSPATH entry that does not exist is named on stderr (Java would ignore it silently)")
  void missingExtraJar() throws Exception {
    mavenWrapper(0);
    assertThat(run("--version")).isZero();
    extraEnv.put("PIXVERSE4J_CLASSPATH", "/nonexistent/acme.jar");
    assertThat(run("providers")).isZero();
    assertThat(stderr).contains("PIXVERSE4J_CLASSPATH entry /nonexistent/acme.jar does not exist");
  }

  @Test
  @DisplayName("a failed build says where the full log is and exits 1")
  void failedBuild() throws Exception {
    mavenWrapper(1);
    assertThat(run("--version")).isEqualTo(1);
    assertThat(stderr).contains("Build failed; see " + root.resolve("cli/target-build.log"));
    assertThat(Files.readString(root.resolve("cli/target-build.log"))).contains("[INFO] Building pixverse4j client");
    assertThat(stdout).isEmpty();
  }
}
