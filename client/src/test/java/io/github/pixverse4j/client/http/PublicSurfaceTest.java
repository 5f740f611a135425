package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Public methods that only tests called are package-private or gone: each public method is a
 * promise to users, so none exists just for a test in this package.
 */
class PublicSurfaceTest {
  private static Set<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  @DisplayName("test-only helpers of the HTTP plumbing are not public")
  void testOnlyHelpersHidden() {
    assertThat(publicMethods(BaseUrls.class)).doesNotContain("isLoopback");
    assertThat(publicMethods(BodyLimitInterceptor.class)).doesNotContain("maxBytes");
    assertThat(publicMethods(AuthInterceptor.class)).doesNotContain("headerName");
  }

  @Test
  @DisplayName("the shared ObjectMapper is not reachable from the public http package")
  void noMapperInPublicPackage() throws Exception {
    assertThat(Arrays.stream(Retrofits.class.getMethods()).map(Method::getReturnType))
        .noneMatch(t -> t.getName().equals("com.fasterxml.jackson.databind.ObjectMapper"));
    assertThat(classExists("io.github.pixverse4j.client.http.Json")).isFalse();
  }

  private static boolean classExists(String name) {
    try {
      Class.forName(name);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
