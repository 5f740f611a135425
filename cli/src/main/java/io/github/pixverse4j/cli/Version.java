package io.github.pixverse4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version the build wrote into {@code version.properties}, and the Java running the command.
 */
final class Version implements CommandLine.IVersionProvider {
  /** The pixverse4j version (library and command are released together), e.g. {@code 0.1.0}. */
  static String pixverse4j() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null)
        throw new IllegalStateException("version.properties is missing from the command's jar");
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /**
   * The Java version and VM, e.g. {@code 17.0.15 (Eclipse Adoptium, OpenJDK 64-Bit Server VM
   * 17.0.15+6)}.
   */
  static String java() {
    return System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ", "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.vm.version")
        + ")";
  }

  @Override
  public String[] getVersion() {
    return new String[] {"pixverse4j " + pixverse4j(), "Java " + java()};
  }
}
