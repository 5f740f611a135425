package io.github.pixverse4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ProviderCapabilities;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad line in an add-on jar's services file costs that entry only, and says which it was. */
class VideoProviderFactoryTest {
  @TempDir Path dir;

  /** A registered provider, as an add-on jar would bring one. */
  public static final class Good implements VideoProviderFactory {
    @Override
    public String id() {
      return "good";
    }

    @Override
    public String displayName() {
      return "Good";
    }

    @Override
    public String apiKeyEnvironmentVariable() {
      return "GOOD_API_KEY";
    }

    @Override
    public String defaultBaseUrl() {
      return "http://127.0.0.1:1";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return null;
    }

    @Override
    public VideoClient create(ClientConfig config) {
      throw new UnsupportedOperationException();
    }
  }

  /** Registered but not a factory. */
  public static final class NotAFactory {}

  private ClassLoader withServices(String... entries) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.write(
        services.resolve(VideoProviderFactory.class.getName()),
        String.join("\n", entries).getBytes("UTF-8"));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  @DisplayName(
      "a misspelt nested class name is skipped, named with the $ hint, and the entries after it"
          + " still load")
  void misspeltEntry() throws Exception {
    String typo = Good.class.getName().replace('$', '.');
    ClassLoader loader = withServices(typo, NotAFactory.class.getName(), Good.class.getName());
    List<String> problems = new ArrayList<>();
    assertThat(VideoProviderFactory.load(loader, problems))
        .extracting(VideoProviderFactory::id)
        .containsExactly("good");
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .isEqualTo(
            "ignoring provider entry "
                + typo
                + " (in META-INF/services/"
                + VideoProviderFactory.class.getName()
                + "): class not found (a nested class is written Outer$Inner)");
    assertThat(problems.get(1))
        .startsWith("ignoring provider entry " + NotAFactory.class.getName())
        .contains("not a subtype");
    assertThat(VideoProviderFactory.load(loader)).hasSize(1);
  }
}
