package io.github.pixverse4j.pixverse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public API of this module's public packages ({@code pixverse}, {@code pixverse.simulator})
 * names no type of an {@code .internal.} package: users (and their tests) never have to import one.
 */
class PixVersePublicApiTest {
  @Test
  @DisplayName("no public signature of a public package names an internal type")
  void noInternalTypeInPublicSignatures() throws Exception {
    List<Class<?>> classes = publicClasses();
    assertThat(classes).as("public classes found").contains(PixVerseWebhook.class);
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : classes) {
      for (Method m : c.getDeclaredMethods()) {
        if (exposed(m.getModifiers()) && !m.isSynthetic()) {
          check(leaks, c, m.getName(), m.getReturnType());
          check(leaks, c, m);
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (exposed(k.getModifiers())) check(leaks, c, k);
      }
      for (Field f : c.getDeclaredFields()) {
        if (exposed(f.getModifiers())) check(leaks, c, f.getName(), f.getType());
      }
      if (c.getSuperclass() != null) check(leaks, c, "extends", c.getSuperclass());
      for (Class<?> i : c.getInterfaces()) check(leaks, c, "implements", i);
    }
    assertThat(leaks).as("public signatures naming an internal type").isEmpty();
  }

  private static boolean exposed(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(List<String> leaks, Class<?> c, Executable e) {
    for (Class<?> p : e.getParameterTypes()) check(leaks, c, e.getName(), p);
    for (Class<?> x : e.getExceptionTypes()) check(leaks, c, e.getName(), x);
  }

  private static void check(List<String> leaks, Class<?> c, String member, Class<?> type) {
    while (type.isArray()) type = type.getComponentType();
    if (type.getName().startsWith("io.github.pixverse4j.")
        && type.getName().contains(".internal.")) {
      leaks.add(c.getName() + "." + member + ": " + type.getName());
    }
  }

  /** The public (and public nested) classes of the non-internal packages in this module. */
  private static List<Class<?>> publicClasses() throws IOException, URISyntaxException {
    Path root =
        Paths.get(
            PixVerseWebhook.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    List<String> names;
    try (Stream<Path> files = Files.walk(root)) {
      names =
          files
              .map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".class") && !p.contains("/internal/"))
              .filter(p -> !p.endsWith("package-info.class"))
              .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .collect(Collectors.toList());
    }
    for (String name : names) {
      Class<?> c;
      try {
        c = Class.forName(name, false, PixVersePublicApiTest.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new AssertionError("cannot load " + name, e);
      }
      if (isPublicAllTheWay(c) && !daggerGenerated(c)) out.add(c);
    }
    return out;
  }

  /**
   * Dagger's generated factories ({@code PixVerseModule_ApiFactory}, {@code
   * DaggerPixVerseComponent}) must be public for its code, and are not API.
   */
  private static boolean daggerGenerated(Class<?> c) {
    String top = c.getName().substring(c.getName().lastIndexOf('.') + 1);
    return top.contains("_") || top.startsWith("Dagger");
  }

  private static boolean isPublicAllTheWay(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass()) return false;
    }
    return true;
  }

  @Test
  @DisplayName("the simulator's callbacks take the public signature form")
  void simulatorTakesThePublicForm() throws Exception {
    assertThat(
            Arrays.stream(
                    io.github.pixverse4j.pixverse.simulator.PixVerseSimulator.class.getMethods())
                .filter(m -> m.getName().equals("callbacksTo"))
                .map(m -> m.getParameterTypes()[2]))
        .containsOnly(PixVerseWebhook.SignatureForm.class);
  }
}
