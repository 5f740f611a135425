package io.github.pixverse4j.client;

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
 * {@link ClientBuilder}, the base of every facade builder, is {@link ClientConfig.Builder}'s
 * setters one for one: one configuration for users to learn, whichever way they build a client.
 */
class ClientBuilderTest {
  private static Set<String> publicSetters(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 1)
        .map(ClientBuilderTest::signature)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String signature(Method m) {
    return m.getName() + "(" + m.getParameterTypes()[0].getName() + ")";
  }

  @Test
  @DisplayName(
      "a facade builder has every ClientConfig setting, and no other, plus settings(ClientConfig)")
  void sameSettersAsClientConfig() {
    Set<String> expected = new TreeSet<>(publicSetters(ClientConfig.Builder.class));
    expected.add("settings(" + ClientConfig.class.getName() + ")");
    assertThat(publicSetters(ClientBuilder.class)).isEqualTo(expected);
  }

  @Test
  @DisplayName(
      "its only configuration state is a ClientConfig.Builder, beside which provider it builds: its"
          + " default base URL and factory (for the missing-key message)")
  void onlyStateIsClientConfigBuilder() {
    assertThat(
            Arrays.stream(ClientBuilder.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(f -> f.getType().getName() + " " + f.getName()))
        .containsExactlyInAnyOrder(
            "java.lang.String defaultBaseUrl",
            VideoProviderFactory.class.getName() + " provider",
            ClientConfig.Builder.class.getName() + " config");
  }

  @Test
  @DisplayName("settings(config) keeps a base URL, HTTP client or journal the config does not have")
  void settingsKeepsWhatTheConfigLacks() {
    ClientConfigTest.FacadeBuilder b =
        new ClientConfigTest.FacadeBuilder()
            .baseUrl("https://mine.example.com/")
            .journal(io.github.pixverse4j.client.journal.TaskJournal.inMemory());
    ClientConfig c = b.settings(ClientConfig.builder().apiKey("k").build()).built();
    assertThat(c.baseUrl().get()).hasToString("https://mine.example.com/");
    assertThat(c.journal()).isPresent();
    assertThat(c.apiKey().reveal()).isEqualTo("k");
  }
}
