package io.github.pixverse4j.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CLI's start-up time ({@code --help}) next to {@code java -version}. */
final class Startup {
  private Startup() {}

  static Map<String, Object> run() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = Paths.get("..", "cli", "target", "pixverse4j-cli-0.1.0-SNAPSHOT-all.jar").toAbsolutePath().normalize();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("javaVersionMs", medianMs(List.of(java, "-version")));
    if (Files.exists(jar)) {
      m.put("cliHelpMs", medianMs(List.of(java, "-jar", jar.toString(), "--help")));
    } else {
      m.put("cliHelpMs", "cli jar not built (./mvnw -pl cli -am package -DskipTests)");
    }
    return m;
  }

  static long medianMs(List<String> command) throws Exception {
    long[] t = new long[7];
    for (int i = 0; i < t.length; i++) {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      t[i] = (System.nanoTime() - t0) / 1_000_000;
    }
    Arrays.sort(t);
    return t[t.length / 2];
  }
}
