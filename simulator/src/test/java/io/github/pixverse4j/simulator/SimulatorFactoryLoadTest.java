package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
class SimulatorFactoryLoadTest {
  @TempDir Path dir;

  /** A registered simulator factory, as an add-on jar would bring one. */
  public static final class Good implements SimulatorFactory {
    @Override
    public String providerId() {
      return "good";
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new EchoSimulator(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{}";
    }

    @Override
    public Fault insufficientCredits() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> generateEndpoints() {
      return List.of("submit");
    }

    @Override
    public String credentialHeader() {
      return "Authorization";
    }

    @Override
    public boolean reportsCancellation() {
      return false;
    }
  }

  private ClassLoader withServices(String... entries) throws Exception {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(SimulatorFactory.class.getName()), String.join("\n", entries));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  @DisplayName(
      "a misspelt nested class name is skipped, named with the $ hint, and find still finds the"
          + " others")
  void misspeltEntry() throws Exception {
    String typo = Good.class.getName().replace('$', '.');
    ClassLoader loader = withServices(typo, Good.class.getName());
    List<String> problems = new ArrayList<>();
    assertThat(SimulatorFactory.load(loader, problems))
        .extracting(SimulatorFactory::providerId)
        .containsExactly("good");
    assertThat(problems)
        .containsExactly(
            "ignoring simulator entry "
                + typo
                + " (in META-INF/services/"
                + SimulatorFactory.class.getName()
                + "): class not found (a nested class is written Outer$Inner)");
    assertThat(SimulatorFactory.find("good", loader)).isPresent();
  }
}
