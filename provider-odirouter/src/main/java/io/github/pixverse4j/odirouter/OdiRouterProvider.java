package io.github.pixverse4j.odirouter;

import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.StatusNames;
import io.github.pixverse4j.client.TaskEndedBeforeCancel;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.ErrorTransformer;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.internal.Json;
import io.github.pixverse4j.odirouter.internal.OdiRouterApi;
import io.github.pixverse4j.odirouter.internal.OdiRouterCancelResponse;
import io.github.pixverse4j.odirouter.internal.OdiRouterErrors;
import io.github.pixverse4j.odirouter.internal.OdiRouterResultResponse;
import io.github.pixverse4j.odirouter.internal.OdiRouterStatusResponse;
import io.github.pixverse4j.odirouter.internal.OdiRouterSubmitBody;
import io.github.pixverse4j.odirouter.internal.OdiRouterSubmitResponse;
import io.github.pixverse4j.odirouter.internal.OdiRouterVideoFile;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.HttpException;
import retrofit2.Response;

/** The {@link VideoProvider} of the OdiRouter queue API. */
final class OdiRouterProvider implements VideoProvider {
  /** How many submitted requests' URLs are remembered; older ones are rebuilt from the base URL. */
  static final int MAX_REMEMBERED_REQUESTS = 4096;

  /** fal's documented values, and the FAILED / CANCELED(CANCELLED) of fal-compatible services. */
  static final StatusNames STATUSES = StatusNames.builder(OdiRouter.PROVIDER_ID)
      .add("IN_QUEUE").add("IN_PROGRESS").add("COMPLETED").add("FAILED")
      .add("CANCELLED", "CANCELED")
      .build();

  private final OdiRouterApi api;
  private final HttpUrl baseUrl;
  private final ApiKey key;
  private final Clock clock;
  private final OdiRouterErrors errors;
  private final Function<HttpException, VideoApiException> callErrors;
  private final Map<String, RequestUrls> remembered =
      new LinkedHashMap<String, RequestUrls>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RequestUrls> eldest) {
          return size() > MAX_REMEMBERED_REQUESTS;
        }
      };

  OdiRouterProvider(OdiRouterApi api, HttpUrl baseUrl, ApiKey key, Clock clock) {
    if (api == null) throw new NullPointerException("api == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (key == null) throw new NullPointerException("key == null");
    if (clock == null) throw new NullPointerException("clock == null");
    this.api = api;
    this.baseUrl = baseUrl;
    this.key = key;
    this.clock = clock;
    this.errors = new OdiRouterErrors(OdiRouter.PROVIDER_ID, key);
    this.callErrors = errors::forCall;
  }

  private <T> ErrorTransformer<T> mapErrors() {
    return HttpErrors.mapErrors(OdiRouter.PROVIDER_ID, callErrors, key);
  }

  @Override
  public String id() {
    return OdiRouter.PROVIDER_ID;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return OdiRouter.capabilities();
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.defer(() -> api.submit(submitBody(request)))
        .compose(this.<OdiRouterSubmitResponse>mapErrors())
        .map(this::accepted);
  }

  static OdiRouterSubmitBody submitBody(ImageToVideoRequest request) {
    if (request.image().kind() != ImageInput.Kind.URL) {
      throw new IllegalArgumentException(
          "OdiRouter accepts only an image URL, got " + request.image().kind());
    }
    OdiRouterSubmitBody.Builder b = OdiRouterSubmitBody.builder()
        .image(request.image().url().toString())
        .prompt(request.prompt());
    request.durationSeconds().ifPresent(s -> b.duration((int) (long) s));
    request.quality().ifPresent(q -> b.quality(q.label()));
    request.seed().ifPresent(b::seed);
    request.audio().ifPresent(b::generateAudioSwitch);
    request.multiClip().ifPresent(b::generateMultiClipSwitch);
    return b.build();
  }

  private TaskHandle accepted(OdiRouterSubmitResponse r) {
    String id = r.requestId();
    if (id == null || id.trim().isEmpty()) {
      throw malformed("The submit answer has no request_id");
    }
    TaskHandle handle;
    try {
      handle = TaskHandle.of(OdiRouter.PROVIDER_ID, OdiRouter.MODEL, id);
    } catch (IllegalArgumentException e) {
      throw malformed("The submit answer's request_id cannot be used: " + e.getMessage());
    }
    RequestUrls built = RequestUrls.build(baseUrl, id);
    RequestUrls urls = new RequestUrls(
        sameOriginOr(r.statusUrl(), built.status),
        sameOriginOr(r.responseUrl(), built.result),
        sameOriginOr(r.cancelUrl(), built.cancel));
    synchronized (remembered) {
      remembered.put(id, urls);
    }
    return handle;
  }

  // A URL from the answer is used only on the base URL's origin: the API key must never go to
  // another host (the AuthInterceptor would withhold it, and the call would fail instead).
  private HttpUrl sameOriginOr(String fromServer, HttpUrl built) {
    HttpUrl url = fromServer == null ? null : HttpUrl.parse(fromServer.trim());
    return url != null && BaseUrls.sameOrigin(url, baseUrl) ? url : built;
  }

  /** The URLs for {@code handle}: those its submit answer named, else built from the base URL. */
  RequestUrls urls(TaskHandle handle) {
    String id = handle.taskId();
    synchronized (remembered) {
      RequestUrls u = remembered.get(id);
      if (u != null) return u;
    }
    return RequestUrls.build(baseUrl, id);
  }

  private void forget(TaskHandle handle) {
    synchronized (remembered) {
      remembered.remove(handle.taskId());
    }
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> {
      RequestUrls urls = urls(handle);
      return api.status(urls.status)
          .compose(this.<OdiRouterStatusResponse>mapErrors())
          .flatMap(s -> fromStatus(handle, urls, s));
    });
  }

  private Single<TaskStatus> fromStatus(TaskHandle handle, RequestUrls urls, OdiRouterStatusResponse s) {
    String raw = s.status();
    if (raw == null || raw.trim().isEmpty()) {
      return Single.error(malformed("The status answer has no status"));
    }
    String status = STATUSES.canonical(raw).orElse(null);
    if (status == null) return Single.error(STATUSES.unknown(raw, key));
    switch (status) {
      case "IN_QUEUE": {
        TaskStatus.Builder b = status(handle, TaskState.QUEUED, raw);
        Integer position = s.queuePosition();
        if (position != null && position >= 0) b.queuePosition(position);
        return Single.just(b.build());
      }
      case "IN_PROGRESS":
        return Single.just(status(handle, TaskState.RUNNING, raw).build());
      case "COMPLETED":
        return result(handle, urls, raw);
      case "FAILED": {
        forget(handle);
        OdiRouterErrors.Parsed p = errors.parse(s.detail(), s.errorType());
        FailureCategory otherwise = p.message() != null || p.errorType() != null
            ? FailureCategory.PROVIDER_ERROR : FailureCategory.UNKNOWN;
        return Single.just(status(handle, TaskState.FAILED, raw).failure(errors.failure(p, otherwise)).build());
      }
      case "CANCELLED":
        forget(handle);
        return Single.just(status(handle, TaskState.CANCELLED, raw).build());
      default:
        throw new AssertionError(status);
    }
  }

  /**
   * COMPLETED says only that the run ended: the result call tells a video from a failure, which
   * arrives as a non-2xx answer with the provider's detail.
   */
  private Single<TaskStatus> result(TaskHandle handle, RequestUrls urls, String raw) {
    return api.result(urls.result)
        .map(r -> succeeded(handle, r, raw))
        .onErrorResumeNext(e -> e instanceof HttpException
            ? fromFailedResult(handle, (HttpException) e, raw)
            : Single.error(e))
        .compose(this.<TaskStatus>mapErrors());
  }

  private TaskStatus succeeded(TaskHandle handle, OdiRouterResultResponse r, String raw) {
    OdiRouterVideoFile file = r.video();
    if (file == null || file.url() == null || file.url().trim().isEmpty()) {
      throw malformed("The result of a COMPLETED request has no video.url");
    }
    URI url;
    try {
      url = new URI(file.url().trim());
    } catch (URISyntaxException e) {
      throw malformed("The result's video.url is not a URL: " + HttpErrors.snippet(file.url(), key));
    }
    if (url.getScheme() == null || url.getHost() == null) {
      throw malformed("The result's video.url is not an absolute URL: " + HttpErrors.snippet(file.url(), key));
    }
    Video.Builder video = Video.builder().url(url);
    if (file.contentType() != null) video.contentType(file.contentType());
    if (file.fileSize() != null && file.fileSize() >= 0) video.sizeBytes(file.fileSize());
    if (r.seed() != null) video.seed(r.seed());
    forget(handle);
    return status(handle, TaskState.SUCCEEDED, raw).addVideos(video.build()).build();
  }

  /**
   * The result table: 400 "still in progress" → RUNNING; 400/413/422 → FAILED (input or
   * moderation); 401, 403, 404, 408, 410, 425, 429 → the call's exception; another 4xx/5xx with an
   * error type or a detail list → FAILED; a bare 5xx → ProviderUnavailableException (retried).
   */
  private Single<TaskStatus> fromFailedResult(TaskHandle handle, HttpException e, String raw) {
    OdiRouterErrors.Parsed p = errors.parse(e);
    int code = p.httpStatus();
    if (code == 400 && p.message() != null
        && p.message().toLowerCase(Locale.ROOT).contains("in progress")) {
      return Single.just(status(handle, TaskState.RUNNING, raw).build());
    }
    boolean taskFailure;
    switch (code) {
      case 400:
      case 413:
      case 422:
        taskFailure = true;
        break;
      case 401:
      case 403:
      case 404:
      case 408:
      case 410:
      case 425:
      case 429:
        taskFailure = false;
        break;
      default:
        taskFailure = code >= 400 && code <= 599 && p.hasProviderError();
    }
    if (!taskFailure) return Single.error(errors.forCall(p));
    forget(handle);
    FailureCategory otherwise = code < 500 ? FailureCategory.INVALID_INPUT : FailureCategory.PROVIDER_ERROR;
    return Single.just(status(handle, TaskState.FAILED, raw).failure(errors.failure(p, otherwise)).build());
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.cancel(urls(handle).cancel))
        .compose(this.<Response<ResponseBody>>mapErrors())
        .flatMapCompletable(this::cancelled);
  }

  /**
   * CANCELLATION_REQUESTED and OK complete; ALREADY_COMPLETED is {@link TaskEndedBeforeCancel}
   * (the engine reads the final state); NOT_FOUND is {@link TaskNotFoundException}.
   */
  private Completable cancelled(Response<ResponseBody> response) {
    ResponseBody body = response.isSuccessful() ? response.body() : response.errorBody();
    String text = "";
    MediaType type = null;
    if (body != null) {
      type = body.contentType();
      try {
        text = body.string();
      } catch (IOException e) {
        return Completable.error(HttpErrors.fromIOException(OdiRouter.PROVIDER_ID, e));
      }
    }
    String status = null;
    if (!text.trim().isEmpty()) {
      try {
        OdiRouterCancelResponse parsed = Json.mapper().readValue(text, OdiRouterCancelResponse.class);
        status = parsed.status();
      } catch (IOException | RuntimeException notACancelAnswer) {
        status = null;
      }
    }
    if (status == null) {
      if (response.isSuccessful()) return Completable.complete();
      Response<?> error = Response.error(ResponseBody.create(type, text), response.raw());
      return Completable.error(errors.forCall(new HttpException(error)));
    }
    switch (status.trim().toUpperCase(Locale.ROOT)) {
      case "CANCELLATION_REQUESTED":
      case "OK":
        return Completable.complete();
      case "ALREADY_COMPLETED":
        return Completable.error(new TaskEndedBeforeCancel(
            "cancel answered ALREADY_COMPLETED (HTTP " + response.code() + ")"));
      case "NOT_FOUND":
        return Completable.error(new TaskNotFoundException(
            "Provider " + OdiRouter.PROVIDER_ID + " does not know this request (cancel answered"
                + " NOT_FOUND): the id may be wrong, belong to another account, or have expired",
            ErrorDetails.provider(OdiRouter.PROVIDER_ID).withHttpStatus(response.code())
                .withProviderCode("NOT_FOUND")));
      default:
        return Completable.error(malformed("The cancel answer has the unknown status '"
            + HttpErrors.snippet(status, key) + "'"));
    }
  }

  private TaskStatus.Builder status(TaskHandle handle, TaskState state, String raw) {
    return TaskStatus.builder().handle(handle).state(state).rawStatus(raw).observedAt(clock.instant());
  }

  private static MalformedResponseException malformed(String message) {
    return new MalformedResponseException(
        "Provider " + OdiRouter.PROVIDER_ID + " answered something this client cannot use: " + message,
        ErrorDetails.provider(OdiRouter.PROVIDER_ID));
  }

  @Override
  public String toString() {
    return "OdiRouterProvider{" + baseUrl.scheme() + "://" + baseUrl.host() + ":" + baseUrl.port() + "}";
  }

  /** The status, result and cancel URLs of one request. */
  static final class RequestUrls {
    final HttpUrl status;
    final HttpUrl result;
    final HttpUrl cancel;

    RequestUrls(HttpUrl status, HttpUrl result, HttpUrl cancel) {
      this.status = status;
      this.result = result;
      this.cancel = cancel;
    }

    /** {@code <base>v1/queue/pixverse_v6_i2v/requests/<id>/{status,response,cancel}}. */
    static RequestUrls build(HttpUrl baseUrl, String id) {
      HttpUrl request = baseUrl.newBuilder()
          .addPathSegments(OdiRouterApi.SUBMIT_PATH)
          .addPathSegment("requests")
          .addPathSegment(id)
          .build();
      return new RequestUrls(
          request.newBuilder().addPathSegment("status").build(),
          request.newBuilder().addPathSegment("response").build(),
          request.newBuilder().addPathSegment("cancel").build());
    }
  }
}
