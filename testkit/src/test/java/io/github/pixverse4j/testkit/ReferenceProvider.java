package io.github.pixverse4j.testkit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.http.ErrorMappingCallAdapterFactory;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.http.VideoDownloader;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.HttpException;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** A correct provider for {@link ReferenceSimulator}'s protocol; broken variants override parts. */
class ReferenceProvider implements VideoProvider {
  interface Api {
    @POST("jobs")
    Single<Created> submit(@Body Map<String, Object> body);

    @GET("jobs/{id}")
    Single<Job> status(@Path("id") String id);

    @POST("jobs/{id}/cancel")
    Completable cancel(@Path("id") String id);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class Created {
    @JsonProperty("id")
    String id;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class Job {
    @JsonProperty("id")
    String id;

    @JsonProperty("state")
    String state;

    @JsonProperty("position")
    Integer position;

    @JsonProperty("progress")
    Integer progress;

    @JsonProperty("eta")
    Integer eta;

    @JsonProperty("error")
    String error;

    @JsonProperty("video_url")
    String videoUrl;
  }

  static final String ID = "reference";
  static final String MODEL = "reference-v1";

  final ApiKey key;
  final Api api;

  /** The shared kit: an answer without an id is malformed, so a submit's outcome is unknown. */
  final io.github.pixverse4j.client.provider.ProviderAnswers answers;

  ReferenceProvider(OkHttpClient base, String baseUrl, String apiKey) {
    HttpUrl url = BaseUrls.require(baseUrl);
    this.key = ApiKey.of(apiKey);
    this.answers =
        new io.github.pixverse4j.client.provider.ProviderAnswers(
            ID, key, io.reactivex.rxjava3.schedulers.Schedulers.computation());
    OkHttpClient http = HttpClients.forProvider(base, url, AuthInterceptor.bearer(key, url));
    this.api =
        ErrorMappingCallAdapterFactory.create(ID, this::mapHttp, key)
            .retrofit(url, http)
            .create(Api.class);
  }

  /** A client with this provider, as a provider facade would build it. */
  static VideoClient client(ReferenceProvider provider, PollingPolicy policy) {
    VideoDownloader downloader = new VideoDownloader(HttpClients.sharedDefault(), Schedulers.io());
    return new VideoClient(provider, policy, Schedulers.computation(), downloader::download);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return ProviderCapabilities.builder()
        .providerId(ID)
        .model(MODEL)
        .maxPromptLength(100)
        .durationRange(1, 10)
        .addQualities(Quality.P540, Quality.P720)
        .addImageKinds(ImageInput.Kind.URL)
        .supportsSeed(true)
        .supportsCancel(true)
        .build();
  }

  /** The provider's mapping of a non-2xx answer; {@code null} for the shared table. */
  VideoApiException mapHttp(HttpException e) {
    return null;
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    return api.submit(wireBody(request)).map(c -> answers.handle(MODEL, c.id, "id"));
  }

  /** The submit body: the request in the protocol's units and labels. */
  Map<String, Object> wireBody(ImageToVideoRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("prompt", request.prompt());
    body.put("image_url", request.image().url().toString());
    request.durationSeconds().ifPresent(d -> body.put("duration", d));
    request.quality().ifPresent(q -> body.put("quality", q.label()));
    request.seed().ifPresent(s -> body.put("seed", s));
    return body;
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    return api.status(handle.taskId()).map(j -> toStatus(handle, j));
  }

  TaskStatus toStatus(TaskHandle handle, Job j) {
    TaskStatus.Builder b =
        TaskStatus.builder().handle(handle).rawStatus(j.state).observedAt(Instant.now());
    if (j.state == null) throw malformed("no state");
    switch (j.state) {
      case "queued":
        b.state(TaskState.QUEUED);
        if (j.position != null) b.queuePosition(j.position);
        break;
      case "running":
        b.state(TaskState.RUNNING);
        if (j.progress != null) b.progressPercent(j.progress);
        if (j.eta != null) b.estimatedTimeRemaining(Duration.ofSeconds(j.eta));
        break;
      case "succeeded":
        b.state(TaskState.SUCCEEDED).addVideos(Video.of(URI.create(j.videoUrl)));
        break;
      case "failed":
      case "expired":
        b.state(TaskState.FAILED)
            .failure(
                TaskFailure.of(
                    FailureCategory.PROVIDER_ERROR, j.error == null ? "failed" : j.error));
        break;
      case "moderated":
        b.state(TaskState.FAILED)
            .failure(
                TaskFailure.of(
                    FailureCategory.MODERATION, j.error == null ? "moderated" : j.error));
        break;
      case "cancelled":
        b.state(TaskState.CANCELLED);
        break;
      default:
        throw malformed("unknown state '" + j.state + "'");
    }
    return b.build();
  }

  static MalformedResponseException malformed(String why) {
    return new MalformedResponseException(
        "Unreadable status from the reference provider: " + why, ErrorDetails.provider(ID));
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    return api.cancel(handle.taskId());
  }
}
