package io.github.pixverse4j.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.cli.CliRunner;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTPS is required off this machine, and the credential (Bearer token, or PixVerse's {@code
 * API-KEY}) goes only to the configured origin: not after a redirect to another origin, not to the
 * media host.
 */
@DisplayName("security: HTTPS and where credentials go")
class TransportSecurityTest {
  static final String KEY = "transport-key-Zb81qQ";
  static final List<String> REFUSED =
      List.of(
          "http://example.com",
          "http://example.com/model",
          "HTTP://EXAMPLE.COM/",
          "http://10.0.0.1:8080/",
          "http://192.168.1.20/",
          "http://0.0.0.0:8080/",
          "http://127.0.0.1.nip.io/",
          "http://localhost.evil.com/",
          "http://[2001:db8::1]/",
          "http://user:secret@127.0.0.1:8080/",
          "https://127.0.0.1:8080/?key=x",
          "ftp://example.com/",
          "file:///etc/passwd",
          "not a url");
  static final List<String> ACCEPTED =
      List.of(
          "https://example.com",
          "https://api.example.com/v1/",
          "http://127.0.0.1:8080",
          "http://127.9.9.9/x/",
          "http://localhost:1/",
          "http://[::1]:8080/");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "every facade builder refuses plain http to a non-loopback host, user info and queries")
  void buildersRequireHttps(Provider p) {
    for (String url : REFUSED) {
      assertThatThrownBy(() -> p.builder().apiKey(KEY).baseUrl(url).build())
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("secret");
    }
    for (String url : ACCEPTED) {
      assertThatCode(() -> p.builder().apiKey(KEY).baseUrl(url).build())
          .as(url)
          .doesNotThrowAnyException();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "the CLI refuses --base-url with plain http to a non-loopback host, before sending anything")
  void cliRequiresHttps(Provider p) throws Exception {
    try (Recorder nothing = new Recorder()) {
      for (String url : List.of("http://example.com/", "http://10.1.2.3:" + 8080 + "/")) {
        CliRunner.Result r =
            CliRunner.run(
                Map.of(p.envVar, KEY),
                dir,
                "generate",
                "--provider",
                p.id,
                "--image",
                "https://example.com/images/cat.png",
                "--prompt",
                "a cat",
                "--base-url",
                url);
        assertThat(r.exitCode).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr).as(r.toString()).contains("HTTPS");
        assertThat(r.all()).doesNotContain(KEY);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName("a redirect from any API endpoint to another origin arrives without the credential")
  void redirectToAnotherOriginDropsTheCredential(Provider p) throws Exception {
    try (ProviderSimulator sim = p.startSimulator(KEY);
        Recorder elsewhere = new Recorder()) {
      VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(10)), null);
      for (String endpoint : p.endpoints) {
        for (int code : new int[] {301, 302, 303, 307, 308}) {
          sim.reset();
          sim.defaultLifecycle(Lifecycle.immediateSuccess());
          sim.faults()
              .on(endpoint)
              .always(
                  Fault.status(code, "")
                      .withHeader("Location", elsewhere.url("/stolen/" + endpoint)));
          client
              .generate(Provider.request())
              .timeout(10, TimeUnit.SECONDS)
              .onErrorComplete()
              .blockingSubscribe();
        }
      }
      // The same machine and port under another name is another origin too.
      String sameServerOtherName = sim.baseUrl().replace("127.0.0.1", "localhost");
      sim.reset();
      sim.defaultLifecycle(Lifecycle.immediateSuccess());
      sim.faults()
          .on("status")
          .always(Fault.status(302, "").withHeader("Location", sameServerOtherName + "/elsewhere"));
      client
          .generate(Provider.request())
          .timeout(10, TimeUnit.SECONDS)
          .onErrorComplete()
          .blockingSubscribe();
      List<RecordedRequest> viaOtherName =
          sim.requests().stream()
              .filter(r -> r.path().endsWith("/elsewhere"))
              .collect(java.util.stream.Collectors.toList());

      assertThat(elsewhere.seen).as("redirects followed to the other origin").isNotEmpty();
      assertThat(elsewhere.seen)
          .as("requests to the other origin that carry a credential header")
          .noneMatch(
              s ->
                  s.headers.containsKey("Authorization")
                      || s.headers.containsKey("API-KEY")
                      || s.headers.containsKey(p.credentialHeader));
      assertThat(elsewhere.seen)
          .as("requests to the other origin that contain the key anywhere")
          .noneMatch(s -> s.all().contains(KEY));
      assertThat(viaOtherName)
          .as("the redirect to localhost:<same port> was followed")
          .isNotEmpty();
      assertThat(viaOtherName).noneMatch(RecordedRequest::credentialsSent);
    }
  }

  @Test
  @DisplayName("control: the recorder does see a credential header when one is sent")
  void recorderSeesCredentials() throws Exception {
    try (Recorder r = new Recorder()) {
      OkHttpClient http = new OkHttpClient();
      try (Response resp =
          http.newCall(
                  new Request.Builder()
                      .url(r.url("/x"))
                      .header("Authorization", "Bearer " + KEY)
                      .header("API-KEY", KEY)
                      .build())
              .execute()) {
        assertThat(resp.code()).isEqualTo(200);
      }
      assertThat(r.seen)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.headers).containsKeys("Authorization", "API-KEY");
                assertThat(s.all()).contains(KEY);
              });
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Provider.class)
  @DisplayName(
      "downloading the video sends no credential to the media host, with the default or the app's"
          + " own client")
  void mediaDownloadsCarryNoCredential(Provider p) throws Exception {
    OkHttpClient own = HttpClients.newDefault();
    try (ProviderSimulator sim = p.startSimulator(KEY)) {
      for (OkHttpClient http : new OkHttpClient[] {null, own}) {
        VideoClient client = p.client(sim, KEY, Provider.fastPolicy(Duration.ofSeconds(10)), http);
        sim.nextJobs(Lifecycle.builder().queued(1).running(50).succeeded());
        TaskStatus last =
            client.generate(Provider.request()).timeout(10, TimeUnit.SECONDS).blockingLast();
        assertThat(last.state()).isEqualTo(TaskState.SUCCEEDED);
        Path target = dir.resolve(p.id + (http == null ? "-default" : "-own") + ".mp4");
        DownloadProgress done =
            client
                .download(last.videos().get(0), target)
                .timeout(10, TimeUnit.SECONDS)
                .blockingLast();
        assertThat(done.done()).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(sim.mediaBytes());
      }
      List<RecordedRequest> media = sim.requests("media");
      assertThat(media).as("media requests").hasSize(2);
      assertThat(media)
          .as("media requests with a credential")
          .noneMatch(RecordedRequest::credentialsSent);
      assertThat(sim.requests("status"))
          .as("API requests carry it (the check can see it)")
          .allMatch(RecordedRequest::credentialsSent);
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }
}
