package io.github.pixverse4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/** Drives a {@link SimulatorMain} child JVM on loopback. */
final class RemoteSimulator implements AutoCloseable {
  final String baseUrl;
  final String key;
  private final Process process;
  private final BufferedReader in;
  private final PrintWriter out;

  RemoteSimulator() throws IOException {
    this("1g");
  }

  /**
   * @param heap the simulator JVM's {@code -Xmx}: it records every request, about 1 GiB per million
   */
  RemoteSimulator(String heap) throws IOException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                SimulatorMain.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    out =
        new PrintWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    String ready = in.readLine();
    if (ready == null || !ready.startsWith("READY "))
      throw new IOException("simulator did not start: " + ready);
    String[] parts = ready.split(" ");
    baseUrl = parts[1];
    key = parts[2];
  }

  String command(String c) throws IOException {
    out.println(c);
    StringBuilder reply = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null && !line.equals("OK")) reply.append(line);
    return reply.toString();
  }

  @Override
  public void close() throws Exception {
    out.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
  }
}
