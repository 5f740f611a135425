package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The simulator sets the JDK server's no-delay switch only when one is started, never by loading.
 */
class NoDelayPropertyTest {
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(ProviderSimulator.NO_DELAY_PROPERTY);
    System.clearProperty(ProviderSimulator.NO_DELAY_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(ProviderSimulator.NO_DELAY_PROPERTY);
    } else {
      System.setProperty(ProviderSimulator.NO_DELAY_PROPERTY, before);
    }
  }

  @Test
  @DisplayName("loading and initialising the simulator classes sets no system property")
  void loadingSetsNothing() throws Exception {
    // A fresh copy of the simulator package, so that its classes initialise again here.
    ClassLoader isolated =
        new ClassLoader(getClass().getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.github.pixverse4j.simulator."))
              return super.loadClass(name, resolve);
            synchronized (getClassLoadingLock(name)) {
              Class<?> c = findLoadedClass(name);
              if (c == null) {
                try (InputStream in =
                    getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                  if (in == null) throw new ClassNotFoundException(name);
                  byte[] bytes = readAll(in);
                  c = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                  throw new ClassNotFoundException(name, e);
                }
              }
              if (resolve) resolveClass(c);
              return c;
            }
          }
        };
    Class<?> loaded = Class.forName(EchoSimulator.class.getName(), true, isolated);
    assertThat(loaded.getSuperclass().getClassLoader())
        .as("ProviderSimulator loaded afresh")
        .isSameAs(isolated);
    assertThat(System.getProperty(ProviderSimulator.NO_DELAY_PROPERTY)).isNull();
  }

  @Test
  @DisplayName(
      "starting a simulator turns TCP_NODELAY on when unset, and keeps an explicit setting")
  void startSetsWhenUnset() {
    try (EchoSimulator sim = new EchoSimulator("k").start()) {
      assertThat(sim.baseUrl()).isNotEmpty();
    }
    assertThat(System.getProperty(ProviderSimulator.NO_DELAY_PROPERTY)).isEqualTo("true");
    System.setProperty(ProviderSimulator.NO_DELAY_PROPERTY, "false");
    try (EchoSimulator sim = new EchoSimulator("k").start()) {
      assertThat(sim.baseUrl()).isNotEmpty();
    }
    assertThat(System.getProperty(ProviderSimulator.NO_DELAY_PROPERTY)).isEqualTo("false");
  }

  private static byte[] readAll(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
    return out.toByteArray();
  }
}
