package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code generate --simulate} with the repository's example image works for every provider (issue
 * 24, defect 17): a provider that takes image URLs only gets the file from the simulator playing a
 * public web host; the pre-flight image check names the chosen provider's formats; the placeholder
 * video is announced once.
 */
class SimulatedGenerateTest {
  private static final Path CAT =
      Paths.get("..", "examples", "cat.png").toAbsolutePath().normalize();

  /**
   * The smallest GIF header: a format no built-in provider but GMI (which names none) is documented
   * to take.
   */
  private static final byte[] GIF =
      "GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;"
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String stderr;

  static java.util.stream.Stream<String> providerIds() {
    return CliTest.providerIds();
  }

  private int run(String... args) {
    env.put("PIXVERSE4J_HOME", dir.resolve("state").toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        new Main(env::get, new PrintWriter(out, true), new PrintWriter(err, true), dir, false)
            .execute(args);
    stderr = err.toString();
    return code;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "generate --simulate --image examples/cat.png saves the placeholder and says once what it is")
  void localImageForEveryProvider(String provider) throws Exception {
    Path video = dir.resolve("cat.mp4");
    assertThat(
            run(
                "generate",
                "--simulate",
                "--provider",
                provider,
                "--image",
                CAT.toString(),
                "--prompt",
                "the cat turns its head",
                "--output",
                video.toString()))
        .as("stderr: %s", stderr)
        .isZero();
    try (ProviderSimulator sim = EmbeddedSimulators.create(provider)) {
      assertThat(video).hasBinaryContent(sim.mediaBytes());
    }
    assertThat(count(stderr, "A simulated video is a 1-second 64x64 placeholder"))
        .as(stderr)
        .isEqualTo(1);
    boolean urlOnly =
        !Connection.factory(provider).capabilities().imageKinds().contains(ImageInput.Kind.FILE);
    if (urlOnly) {
      assertThat(stderr)
          .containsPattern(
              "The simulated "
                  + provider
                  + " takes image URLs only, as the real one does: cat.png is served at"
                  + " http://127\\.0\\.0\\.1:\\d+/media/hosted-1-cat\\.png");
    } else {
      assertThat(stderr).doesNotContain("takes image URLs only");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "with the real service a URL-only provider refuses a local file before sending, saying why")
  void realServiceRefusesLocalFileBeforeSending(String provider) {
    VideoProviderFactory f = Connection.factory(provider);
    if (f.capabilities().imageKinds().contains(ImageInput.Kind.FILE)) return;
    try (ProviderSimulator sim = EmbeddedSimulators.start(provider)) {
      env.put(f.apiKeyEnvironmentVariable(), sim.apiKey());
      assertThat(
              run(
                  "generate",
                  "--provider",
                  provider,
                  "--base-url",
                  sim.baseUrl(),
                  "--image",
                  CAT.toString(),
                  "--prompt",
                  "p"))
          .isEqualTo(ExitCodes.USAGE);
      assertThat(stderr)
          .contains("A local image file cannot be sent; give a public http(s) image URL instead");
      assertThat(sim.requests()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "a GIF is refused before anything starts exactly where the provider's documented formats"
          + " exclude it, naming those formats")
  void imageFormatsOfTheChosenProvider(String provider) throws Exception {
    Path gif = Files.write(dir.resolve("cat.gif"), GIF);
    ProviderCapabilities caps = Connection.factory(provider).capabilities();
    int code =
        run(
            "generate",
            "--simulate",
            "--provider",
            provider,
            "--image",
            gif.toString(),
            "--prompt",
            "p",
            "--no-download");
    if (caps.imageFormats().isEmpty() || caps.imageFormats().contains(ImageFormat.GIF)) {
      assertThat(stderr).doesNotContain("convert it first");
      return;
    }
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains(
            "The image "
                + gif
                + " is a GIF; "
                + provider
                + " accepts "
                + ImageFormat.describe(caps.imageFormats())
                + " (nothing was sent): convert it first.")
        .doesNotContain("Simulating");
    Path text = Files.writeString(dir.resolve("notes.png"), "hello, not a picture");
    assertThat(
            run(
                "generate",
                "--simulate",
                "--provider",
                provider,
                "--image",
                text.toString(),
                "--prompt",
                "p"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(stderr)
        .contains(
            "is not an image (expected "
                + ImageFormat.describe(caps.imageFormats())
                + " for "
                + provider
                + "; nothing was sent)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providerIds")
  @DisplayName(
      "the documented formats: PixVerse and OdiRouter JPEG/PNG/WebP, the v3 async hosts JPEG/PNG,"
          + " GMI, WaveSpeed and fal none")
  void documentedFormats(String provider) {
    Map<String, List<ImageFormat>> documented =
        Map.of(
            "pixverse", List.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP),
            "odirouter", List.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP),
            "highway", List.of(ImageFormat.JPEG, ImageFormat.PNG),
            "myrouter", List.of(ImageFormat.JPEG, ImageFormat.PNG),
            "gmi", List.of(),
            "wavespeed", List.of(),
            "fal", List.of());
    assertThat(Connection.factory(provider).capabilities().imageFormats())
        .containsExactlyInAnyOrderElementsOf(documented.getOrDefault(provider, List.of()));
  }
}
