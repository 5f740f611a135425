package io.github.pixverse4j.androidcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.SimulatorFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Proves that an Android app shrunk and obfuscated with only the rules the pixverse4j jars ship
 * works: {@link ConsumerApp} and its whole runtime class path go through ProGuard as an Android
 * build sends them through R8 (each jar's {@code META-INF/proguard/*.pro} passed in, the {@code
 * META-INF/services} files merged, Android's default configuration, the app's own keep), then the
 * shrunk app generates and downloads against every provider's simulator, found both through its
 * facade and through {@code ServiceLoader}. Then it removes shipped rules and shows the app breaks.
 *
 * <p>ProGuard runs in this JVM in its own class loader (it is a build tool, written partly in
 * Kotlin, and stays off the project's dependency graph); the shrunk app runs in another, isolated
 * from the unshrunk classes on the test class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShrunkAppTest {
  static final List<String> PROVIDERS =
      Arrays.asList("odirouter", "highway", "myrouter", "gmi", "pixverse", "wavespeed", "fal");

  /**
   * Providers whose protocol family reads answers as JSON trees (pixverse4j-poll): no class of
   * theirs is bound by reflection, so they need no keep rules (providerRulesAreNeeded).
   */
  static final List<String> WITHOUT_WIRE_TYPES = Arrays.asList("wavespeed");

  static final List<String> WAYS = Arrays.asList("facade", "serviceloader");
  static final String API_KEY = "android-check-key";

  /** The rule files pixverse4j ships, by jar; a new jar with rules must be added here. */
  static final Map<String, String> OWN_RULE_PACKAGES = new TreeMap<>();

  static {
    OWN_RULE_PACKAGES.put("pixverse4j-api-model.pro", "io.github.pixverse4j.api");
    OWN_RULE_PACKAGES.put("pixverse4j-client.pro", "io.github.pixverse4j.client");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-gmi.pro", "io.github.pixverse4j.gmi");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-odirouter.pro", "io.github.pixverse4j.odirouter");
    OWN_RULE_PACKAGES.put("pixverse4j-queue.pro", "io.github.pixverse4j.queue");
    OWN_RULE_PACKAGES.put("pixverse4j-poll.pro", "io.github.pixverse4j.poll");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-wavespeed.pro", "io.github.pixverse4j.wavespeed");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-fal.pro", "io.github.pixverse4j.fal");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-pixverse.pro", "io.github.pixverse4j.pixverse");
    OWN_RULE_PACKAGES.put("pixverse4j-provider-v3async.pro", "io.github.pixverse4j.v3async");
  }

  final Path target = Paths.get("target").toAbsolutePath();
  final Path work = target.resolve("android-check");
  List<Path> inputs;

  /** Every {@code META-INF/proguard/*.pro} of every input, by file name, in class-path order. */
  final Map<String, String> shippedRules = new LinkedHashMap<>();

  ClassLoader proguard;
  Path shrunk;

  /**
   * ProGuard's output, sent to each run's log. One stream for all runs: its logging keeps the
   * stream it first saw.
   */
  final SwitchableOutput proguardOutput = new SwitchableOutput();

  java.io.PrintStream proguardStream;

  @BeforeAll
  void collectInputs() throws IOException {
    Files.createDirectories(work);
    inputs = new ArrayList<>();
    inputs.add(target.resolve("classes"));
    for (String p :
        read(target.resolve("app-runtime-classpath.txt")).trim().split(File.pathSeparator)) {
      inputs.add(Paths.get(p));
    }
    Map<String, StringBuilder> services = new TreeMap<>();
    for (Path input : inputs) {
      forEachEntry(
          input,
          (name, bytes) -> {
            if (name.startsWith("META-INF/proguard/") && name.endsWith(".pro")) {
              String file = name.substring("META-INF/proguard/".length());
              if (shippedRules.put(file, new String(bytes, StandardCharsets.UTF_8)) != null) {
                fail("two jars ship " + name);
              }
            } else if (name.startsWith("META-INF/services/") && !name.endsWith("/")) {
              // As the Android build merges Java resources: one file per service, every line kept.
              services
                  .computeIfAbsent(name, n -> new StringBuilder())
                  .append(new String(bytes, StandardCharsets.UTF_8).trim())
                  .append('\n');
            }
          });
    }
    Path merged = work.resolve("merged-resources");
    for (Map.Entry<String, StringBuilder> s : services.entrySet()) {
      Path file = merged.resolve(s.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, s.getValue().toString().getBytes(StandardCharsets.UTF_8));
    }
    inputs.add(merged);

    List<URL> tool = new ArrayList<>();
    try (Stream<Path> jars = Files.list(target.resolve("proguard-tool"))) {
      for (Path jar : jars.sorted().collect(Collectors.toList())) tool.add(jar.toUri().toURL());
    }
    proguard = new URLClassLoader(tool.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    proguardStream = new java.io.PrintStream(proguardOutput, true, "UTF-8");
  }

  static final class SwitchableOutput extends java.io.OutputStream {
    volatile java.io.OutputStream target = java.io.OutputStream.nullOutputStream();

    @Override
    public void write(int b) throws IOException {
      target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "every pixverse4j jar on the app's class path ships its rule file, and the third-party ones"
          + " are passed in too")
  void rulesAreCollected() {
    List<String> own =
        shippedRules.keySet().stream()
            .filter(n -> n.startsWith("pixverse4j-"))
            .collect(Collectors.toList());
    assertThat(own)
        .as("pixverse4j rule files found in the jars")
        .containsExactlyInAnyOrderElementsOf(OWN_RULE_PACKAGES.keySet());
    assertThat(shippedRules).containsKeys("retrofit2.pro", "okhttp3.pro", "rxjava3.pro");
  }

  @Test
  @Order(2)
  @DisplayName(
      "the shrunk, obfuscated app generates and downloads with every provider, through its facade"
          + " and through ServiceLoader")
  void shrunkAppWorksEverywhere() throws Exception {
    shrunk = shrink("full", shippedRules);
    try (ZipFile jar = new ZipFile(shrunk.toFile())) {
      assertThat(jar.getEntry("io/github/pixverse4j/api/ImageToVideoRequest.class"))
          .as("the library was obfuscated")
          .isNull();
      assertThat(jar.getEntry("io/github/pixverse4j/androidcheck/ConsumerApp.class")).isNotNull();
    }
    Map<String, String> failures = new TreeMap<>();
    for (String provider : PROVIDERS) {
      for (String way : WAYS) {
        String failure = runApp(shrunk, provider, way);
        if (failure != null) failures.put(provider + " via " + way, failure);
      }
    }
    assertThat(failures).as("runs of the shrunk app that failed").isEmpty();
    Files.write(work.resolve("sizes.md"), sizes().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @Order(3)
  @DisplayName(
      "without the api-model rules, the shrinker stops: the Immutables annotations are missing"
          + " classes")
  void apiModelRulesAreNeeded() throws Exception {
    assertShrinkRefused(without("pixverse4j-api-model.pro"), "org.immutables.value");
  }

  @Test
  @Order(4)
  @DisplayName(
      "without the client rules, the shrinker stops: Retrofit's Kotlin support names a missing"
          + " class")
  void clientRulesAreNeeded() throws Exception {
    assertShrinkRefused(without("pixverse4j-client.pro"), "kotlin.coroutines.Continuation");
  }

  @Test
  @Order(5)
  @DisplayName(
      "without the client's keep of VideoProviderFactory's name, ServiceLoader finds no provider"
          + " (facades still work)")
  void serviceInterfaceNameIsNeeded() throws Exception {
    Map<String, String> rules = new LinkedHashMap<>(shippedRules);
    String client = rules.get("pixverse4j-client.pro");
    String rule = "-keepnames interface io.github.pixverse4j.client.VideoProviderFactory";
    assertThat(client).contains(rule);
    rules.put("pixverse4j-client.pro", client.replace(rule, ""));
    Path jar = shrink("without-service-name", rules);
    for (String provider : PROVIDERS) {
      assertThat(runApp(jar, provider, "facade")).as(provider + " via facade").isNull();
      assertThat(runApp(jar, provider, "serviceloader"))
          .as(provider + " via serviceloader")
          .contains("ServiceLoader found no VideoProviderFactory");
    }
  }

  @Test
  @Order(5)
  @DisplayName(
      "without the client's keep of every VideoProviderFactory implementation, ServiceLoader cannot"
          + " make any provider (facades still work)")
  void serviceImplementationsAreKept() throws Exception {
    Map<String, String> rules = new LinkedHashMap<>(shippedRules);
    String client = rules.get("pixverse4j-client.pro");
    String rule =
        "-keep class * implements io.github.pixverse4j.client.VideoProviderFactory { public"
            + " <init>(); }";
    assertThat(client).contains(rule);
    rules.put("pixverse4j-client.pro", client.replace(rule, ""));
    Path jar = shrink("without-service-implementations", rules);
    for (String provider : PROVIDERS) {
      assertThat(runApp(jar, provider, "facade")).as(provider + " via facade").isNull();
      assertThat(runApp(jar, provider, "serviceloader"))
          .as(provider + " via serviceloader")
          .isNotNull();
    }
  }

  @Test
  @Order(6)
  @DisplayName("without its provider's rules, every provider fails in the shrunk app")
  void providerRulesAreNeeded() throws Exception {
    // Each provider file names only classes of its own package, so removing all four in one
    // shrink shows what removing each alone would, at the cost of one run.
    Pattern className = Pattern.compile("io\\.github\\.pixverse4j\\.[A-Za-z0-9_.$*]+");
    Map<String, String> rules = new LinkedHashMap<>(shippedRules);
    for (Map.Entry<String, String> own : OWN_RULE_PACKAGES.entrySet()) {
      // A protocol family's jar (pixverse4j-queue, whose configuration OdiRouter is) holds wire
      // types too.
      if (!own.getKey().startsWith("pixverse4j-provider-")
          && !own.getKey().equals("pixverse4j-queue.pro")) continue;
      Matcher m = className.matcher(rules.get(own.getKey()).replaceAll("(?m)#.*$", ""));
      while (m.find()) {
        assertThat(m.group())
            .as("a class named in " + own.getKey())
            .startsWith(own.getValue() + ".");
      }
      // Only the keep rules go: the simulator's -dontwarn stays, else the shrinker stops first
      // (simulatorNeedsNoKitInTheApp).
      rules.put(own.getKey(), onlyDontwarn(rules.get(own.getKey())));
    }
    Path jar = shrink("without-provider-rules", rules);
    Map<String, String> failures = new TreeMap<>();
    for (String provider : PROVIDERS) {
      for (String way : WAYS) {
        String failure = runApp(jar, provider, way);
        if (WITHOUT_WIRE_TYPES.contains(provider)) {
          assertThat(failure).as(provider + " via " + way + " needs no keep rules").isNull();
        } else {
          failures.put(provider + " via " + way, failure);
        }
      }
    }
    assertThat(failures).as("every run fails without the provider rules").doesNotContainValue(null);
  }

  @Test
  @Order(7)
  @DisplayName(
      "each provider jar carries its simulator but not the simulator kit (an optional dependency):"
          + " without the provider's -dontwarn for it, the shrinker stops")
  void simulatorNeedsNoKitInTheApp() throws Exception {
    assertThat(inputs)
        .as("the app's class path")
        .noneMatch(p -> p.getFileName().toString().startsWith("pixverse4j-simulator"));
    Map<String, String> rules = new LinkedHashMap<>(shippedRules);
    for (String own : OWN_RULE_PACKAGES.keySet()) {
      if (!own.startsWith("pixverse4j-provider-")) continue;
      rules.put(own, rules.get(own).replaceAll("(?m)^-dontwarn .*$", ""));
    }
    assertShrinkRefused(rules, "io.github.pixverse4j.simulator.");
  }

  private static String onlyDontwarn(String rules) {
    return Arrays.stream(rules.split("\n"))
        .filter(l -> l.startsWith("-dontwarn "))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private Map<String, String> without(String file) {
    Map<String, String> rules = new LinkedHashMap<>(shippedRules);
    assertThat(rules.remove(file)).as(file).isNotNull();
    return rules;
  }

  private void assertShrinkRefused(Map<String, String> rules, String missing) throws Exception {
    Path log = work.resolve("refused.log");
    try {
      shrink("refused", rules, log);
      fail("ProGuard accepted the app without the rules");
    } catch (ShrinkFailedException e) {
      assertThat(e.getMessage()).contains("warnings");
      assertThat(read(log)).contains("can't find referenced class " + missing);
    }
  }

  // ---- ProGuard

  static final class ShrinkFailedException extends Exception {
    ShrinkFailedException(Throwable cause) {
      super(String.valueOf(cause.getMessage()), cause);
    }
  }

  private Path shrink(String name, Map<String, String> rules) throws Exception {
    return shrink(name, rules, work.resolve(name + ".log"));
  }

  private Path shrink(String name, Map<String, String> rules, Path log) throws Exception {
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    Path out = dir.resolve("app.jar");
    Files.deleteIfExists(out);
    StringBuilder config = new StringBuilder();
    for (Path input : inputs) {
      // META-INF is handled as the Android build does: rules passed in below, services merged.
      boolean merged = input.endsWith("merged-resources");
      config
          .append("-injars ")
          .append(quote(input))
          .append(merged ? "" : "(!META-INF/**,!module-info.class)")
          .append('\n');
    }
    config.append("-outjars ").append(quote(out)).append('\n');
    Path jmods = Paths.get(System.getProperty("java.home"), "jmods");
    for (String module :
        Arrays.asList("java.base", "java.logging", "java.sql", "java.desktop", "java.xml")) {
      config
          .append("-libraryjars ")
          .append(quote(jmods.resolve(module + ".jmod")))
          .append("(!**.jar;!module-info.class)\n");
    }
    for (String resource :
        Arrays.asList(
            "proguard-android-optimize.txt", "consumer-app.pro", "android-platform-on-jvm.pro")) {
      Path copy = dir.resolve(resource);
      try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
        Files.write(copy, readAll(in));
      }
      config.append("-include ").append(quote(copy)).append('\n');
    }
    for (Map.Entry<String, String> r : rules.entrySet()) {
      Path file = dir.resolve("shipped-" + r.getKey());
      Files.write(file, r.getValue().getBytes(StandardCharsets.UTF_8));
      config.append("-include ").append(quote(file)).append('\n');
    }
    Path configFile = dir.resolve("proguard.pro");
    Files.write(configFile, config.toString().getBytes(StandardCharsets.UTF_8));

    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    java.io.PrintStream out0 = System.out;
    java.io.PrintStream err0 = System.err;
    try (java.io.OutputStream logFile = Files.newOutputStream(log)) {
      proguardOutput.target = logFile;
      thread.setContextClassLoader(proguard);
      System.setOut(proguardStream);
      System.setErr(proguardStream);
      Class<?> configuration = proguard.loadClass("proguard.Configuration");
      Object cfg = configuration.getConstructor().newInstance();
      Class<?> parserClass = proguard.loadClass("proguard.ConfigurationParser");
      Object parser =
          parserClass
              .getConstructor(File.class, Properties.class)
              .newInstance(configFile.toFile(), System.getProperties());
      try {
        parserClass.getMethod("parse", configuration).invoke(parser, cfg);
      } finally {
        parserClass.getMethod("close").invoke(parser);
      }
      Object pg =
          proguard.loadClass("proguard.ProGuard").getConstructor(configuration).newInstance(cfg);
      try {
        pg.getClass().getMethod("execute").invoke(pg);
      } finally {
        proguardStream.flush();
      }
    } catch (InvocationTargetException e) {
      throw new ShrinkFailedException(e.getCause());
    } finally {
      proguardOutput.target = java.io.OutputStream.nullOutputStream();
      System.setOut(out0);
      System.setErr(err0);
      thread.setContextClassLoader(previous);
    }
    return out;
  }

  private static String quote(Path p) {
    return "'" + p + "'";
  }

  // ---- Running the shrunk app

  /** Runs the shrunk app once; null when it generated and downloaded the simulator's video. */
  private String runApp(Path jar, String provider, String way) throws Exception {
    // The registered simulators, on the test class path only: the app's has no simulator kit.
    SimulatorFactory simulator =
        SimulatorFactory.find(provider, ShrunkAppTest.class.getClassLoader())
            .orElseThrow(
                () -> new AssertionError("no SimulatorFactory registered for " + provider));
    Path video = work.resolve(provider + "-" + way + ".mp4");
    Files.deleteIfExists(video);
    try (ProviderSimulator sim = simulator.create(API_KEY).start();
        URLClassLoader app =
            new URLClassLoader(
                new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(app);
      try {
        app.loadClass(ConsumerApp.class.getName())
            .getMethod("main", String[].class)
            .invoke(
                null,
                (Object) new String[] {provider, way, sim.baseUrl(), API_KEY, video.toString()});
      } catch (InvocationTargetException e) {
        return String.valueOf(e.getCause());
      } finally {
        thread.setContextClassLoader(previous);
      }
      if (!Arrays.equals(Files.readAllBytes(video), sim.mediaBytes()))
        return "the downloaded bytes differ";
      return null;
    }
  }

  // ---- Sizes for benchmarks/results

  /**
   * Markdown for {@code benchmarks/results/android.md}: the runtime jars each provider brings (its
   * own jar plus the shared ones: every provider module depends on the client alone) and the size
   * of the shrunk app.
   */
  private String sizes() throws IOException {
    List<Path> jars = inputs.stream().filter(Files::isRegularFile).collect(Collectors.toList());
    List<Path> shared =
        jars.stream()
            .filter(j -> !j.getFileName().toString().startsWith("pixverse4j-provider-"))
            .collect(Collectors.toList());
    long sharedBytes = 0;
    for (Path j : shared) sharedBytes += Files.size(j);
    StringBuilder b = new StringBuilder();
    b.append("| provider module | runtime jars | bytes |\n|---|---|---|\n");
    long all = sharedBytes;
    for (Path j : jars) {
      String name = j.getFileName().toString();
      if (!name.startsWith("pixverse4j-provider-")) continue;
      all += Files.size(j);
      b.append("| ")
          .append(name.replaceAll("-[0-9][^-]*(-SNAPSHOT)?\\.jar$", ""))
          .append(" | ")
          .append(shared.size() + 1)
          .append(" | ")
          .append(sharedBytes + Files.size(j))
          .append(" |\n");
    }
    b.append("| all four (the consumer app's class path) | ")
        .append(jars.size())
        .append(" | ")
        .append(all)
        .append(" |\n\n");
    b.append("Shared jars: ");
    b.append(shared.stream().map(j -> j.getFileName().toString()).collect(Collectors.joining(", ")))
        .append(".\n\n");
    long app =
        Files.size(
            target
                .resolve("classes")
                .resolve(ConsumerApp.class.getName().replace('.', '/') + ".class"));
    b.append(
            "Shrunk, optimized and obfuscated consumer app (all four provider modules, all five"
                + " endpoints, ")
        .append(app)
        .append(" bytes of app code): **")
        .append(Files.size(shrunk))
        .append(" bytes** (")
        .append(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * Files.size(shrunk) / all))
        .append(" % of its class path).\n");
    return b.toString();
  }

  // ---- Files

  interface EntryVisitor {
    void visit(String name, byte[] bytes) throws IOException;
  }

  private static void forEachEntry(Path input, EntryVisitor visitor) throws IOException {
    if (Files.isDirectory(input)) {
      try (Stream<Path> files = Files.walk(input)) {
        for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
          visitor.visit(
              input.relativize(f).toString().replace(File.separatorChar, '/'),
              Files.readAllBytes(f));
        }
      }
      return;
    }
    try (ZipFile zip = new ZipFile(input.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (!e.isDirectory() && e.getName().startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(e)) {
            visitor.visit(e.getName(), readAll(in));
          }
        }
      }
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
  }
}
