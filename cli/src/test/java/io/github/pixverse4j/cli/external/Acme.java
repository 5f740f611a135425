package io.github.pixverse4j.cli.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.http.VideoDownloader;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.JobPhase;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.Routes;
import io.github.pixverse4j.simulator.SimJob;
import io.github.pixverse4j.simulator.SimResponse;
import io.github.pixverse4j.simulator.SimulatorFactory;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A provider from outside this repository, as a third party would ship it: a {@link
 * VideoProviderFactory} and a {@link SimulatorFactory} in one jar, registered through {@code
 * META-INF/services} files that tests put on a class loader of their own (so the built-in listings
 * stay as they are everywhere else).
 */
public final class Acme {
  public static final String ID = "acme";
  static final ObjectMapper JSON = new ObjectMapper();

  private Acme() {}

  static ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder()
        .providerId(ID)
        .model("acme-1")
        .maxPromptLength(100)
        .durationRange(1, 5)
        .addQualities(Quality.P720)
        .addImageKinds(ImageInput.Kind.URL)
        .build();
  }

  /** The provider's registration. */
  public static final class Factory implements VideoProviderFactory {
    @Override
    public String id() {
      return ID;
    }

    @Override
    public String displayName() {
      return "Acme Video (a third-party module)";
    }

    @Override
    public String apiKeyEnvironmentVariable() {
      return "ACME_API_KEY";
    }

    @Override
    public String defaultBaseUrl() {
      return "https://api.acme.invalid/v1";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return Acme.capabilities();
    }

    @Override
    public VideoClient create(ClientConfig config) {
      OkHttpClient http = config.httpClient().orElseGet(OkHttpClient::new);
      String base =
          config.baseUrl().map(Object::toString).orElse(defaultBaseUrl()).replaceAll("/+$", "");
      Provider provider = new Provider(http, base, config.apiKey().reveal());
      VideoDownloader downloader = new VideoDownloader(http, config.ioScheduler());
      return new VideoClient(
          provider, config.pollingPolicy(), config.scheduler(), downloader::download);
    }
  }

  /**
   * A blocking, minimal client of the Acme protocol: {@code POST /jobs}, {@code GET /jobs/{id}}.
   */
  static final class Provider implements VideoProvider {
    private final OkHttpClient http;
    private final String baseUrl;
    private final String key;

    Provider(OkHttpClient http, String baseUrl, String key) {
      this.http = http;
      this.baseUrl = baseUrl;
      this.key = key;
    }

    @Override
    public String id() {
      return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
      return Acme.capabilities();
    }

    private JsonNode call(Request.Builder request) throws IOException {
      try (Response r =
          http.newCall(request.header("Authorization", "Bearer " + key).build()).execute()) {
        if (!r.isSuccessful()) throw new IOException("HTTP " + r.code());
        return JSON.readTree(r.body().string());
      }
    }

    @Override
    public Single<TaskHandle> submit(ImageToVideoRequest request) {
      return Single.fromCallable(
          () -> {
            String body =
                JSON.writeValueAsString(
                    Map.of("prompt", request.prompt(), "image", request.image().url().toString()));
            JsonNode created =
                call(
                    new Request.Builder()
                        .url(baseUrl + "/jobs")
                        .post(RequestBody.create(MediaType.get("application/json"), body)));
            return TaskHandle.of(ID, "acme-1", created.get("id").asText());
          });
    }

    @Override
    public Single<TaskStatus> status(TaskHandle handle) {
      return Single.fromCallable(
          () -> {
            JsonNode job =
                call(new Request.Builder().url(baseUrl + "/jobs/" + handle.taskId()).get());
            TaskStatus.Builder b =
                TaskStatus.builder()
                    .handle(handle)
                    .rawStatus(job.path("state").asText())
                    .observedAt(Instant.now());
            switch (job.path("state").asText()) {
              case "queued":
                return b.state(TaskState.QUEUED).build();
              case "running":
                return b.state(TaskState.RUNNING).build();
              case "succeeded":
                return b.state(TaskState.SUCCEEDED)
                    .addVideos(Video.of(URI.create(job.get("video_url").asText())))
                    .build();
              default:
                throw new MalformedResponseException(
                    "unknown state " + job.path("state"), ErrorDetails.provider(ID));
            }
          });
    }

    @Override
    public Completable cancel(TaskHandle handle) {
      return Completable.error(
          new UnsupportedFeatureException("acme has no cancel", ErrorDetails.provider(ID)));
    }
  }

  /** The simulator's registration, shipped in the same jar as the provider. */
  public static final class SimFactory implements SimulatorFactory {
    @Override
    public String providerId() {
      return ID;
    }

    @Override
    public ProviderSimulator create(String apiKey) {
      return new Simulator(apiKey);
    }

    @Override
    public String unknownStatusBody() {
      return "{\"id\":\"job-1\",\"state\":\"teleporting\"}";
    }

    @Override
    public Fault insufficientCredits() {
      return Fault.status(402, "{\"error\":\"no credits\"}");
    }

    @Override
    public List<String> generateEndpoints() {
      return List.of("submit", "status");
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

  static final class Simulator extends ProviderSimulator {
    Simulator(String apiKey) {
      super(ID, apiKey);
    }

    @Override
    protected void configure(Routes routes) {
      routes.add(
          "POST",
          "/jobs",
          "submit",
          r -> {
            SimJob job = createJob(newJobId(), r.bodyUtf8());
            return SimResponse.json(201, Map.of("id", job.id()));
          });
      routes.add(
          "GET",
          "/jobs/([^/]+)",
          "status",
          r -> {
            SimJob job = job(r.pathParam(1));
            if (job == null) return SimResponse.json(404, Map.of("error", "no such job"));
            JobPhase phase = job.observe();
            String state = phase.state().name().toLowerCase(Locale.ROOT);
            return SimResponse.json(
                200,
                phase.state() == io.github.pixverse4j.simulator.JobState.SUCCEEDED
                    ? Map.of("id", job.id(), "state", state, "video_url", videoUrl(job.id()))
                    : Map.of("id", job.id(), "state", state));
          });
    }
  }
}
