package io.github.pixverse4j.queue.internal;

import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskNotFoundException;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.http.BaseUrls;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.TaskEndedBeforeCancelException;
import io.github.pixverse4j.queue.QueueProtocol;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.HttpException;
import retrofit2.Response;

/**
 * The {@link VideoProvider} of a queue protocol: which call to make, and the request URLs each
 * submit answer names. What an answer means is {@link QueueMapping}'s and {@link QueueErrors}'; the
 * API's errors are mapped by its call adapter ({@link QueueProtocol#provider}).
 */
public final class QueueProvider implements VideoProvider {
  /** How many submitted requests' URLs are remembered; older ones are rebuilt from the base URL. */
  static final int MAX_REMEMBERED_REQUESTS = 4096;

  private final QueueProtocol protocol;
  private final QueueMapping mapping;
  private final HttpUrl submitUrl;
  private final QueueApi api;
  private final HttpUrl baseUrl;
  private final ProviderAnswers answers;
  private final QueueErrors errors;
  private final Map<String, RequestUrls> remembered =
      new LinkedHashMap<String, RequestUrls>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RequestUrls> eldest) {
          return size() > MAX_REMEMBERED_REQUESTS;
        }
      };

  public QueueProvider(
      QueueProtocol protocol,
      QueueApi api,
      HttpUrl baseUrl,
      ProviderAnswers answers,
      QueueErrors errors) {
    if (protocol == null) throw new NullPointerException("protocol == null");
    if (api == null) throw new NullPointerException("api == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (answers == null) throw new NullPointerException("answers == null");
    if (errors == null) throw new NullPointerException("errors == null");
    this.protocol = protocol;
    this.mapping = new QueueMapping(protocol);
    this.api = api;
    this.baseUrl = baseUrl;
    this.submitUrl = baseUrl.newBuilder().addPathSegments(protocol.submitPath()).build();
    this.answers = answers;
    this.errors = errors;
  }

  @Override
  public String id() {
    return protocol.providerId();
  }

  @Override
  public ProviderCapabilities capabilities() {
    return protocol.capabilities();
  }

  @Override
  public Single<TaskHandle> submit(ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return Single.defer(() -> api.submit(submitUrl, mapping.submitBody(request)))
        .map(this::accepted);
  }

  private TaskHandle accepted(QueueSubmitResponse r) {
    TaskHandle handle = mapping.toHandle(answers, r);
    String id = handle.taskId();
    RequestUrls built = RequestUrls.build(protocol, baseUrl, id);
    RequestUrls urls =
        new RequestUrls(
            sameOriginOr(r.statusUrl(), id, built.status),
            sameOriginOr(r.responseUrl(), id, built.result),
            sameOriginOr(r.cancelUrl(), id, built.cancel));
    synchronized (remembered) {
      remembered.put(id, urls);
    }
    return handle;
  }

  // A URL from the answer is used only on the base URL's origin (the API key must never go to
  // another host: the AuthInterceptor would withhold it, and the call would fail instead) and only
  // when one of its path segments is the request id (a keyed request for this task must not go to
  // another path of the API; issue 25).
  private HttpUrl sameOriginOr(String fromServer, String id, HttpUrl built) {
    HttpUrl url = fromServer == null ? null : HttpUrl.parse(fromServer.trim());
    return url != null && BaseUrls.sameOrigin(url, baseUrl) && url.pathSegments().contains(id)
        ? url
        : built;
  }

  /** The URLs for {@code handle}: those its submit answer named, else built from the base URL. */
  public RequestUrls urls(TaskHandle handle) {
    String id = handle.taskId();
    synchronized (remembered) {
      RequestUrls u = remembered.get(id);
      if (u != null) return u;
    }
    return RequestUrls.build(protocol, baseUrl, id);
  }

  private void forget(TaskHandle handle) {
    synchronized (remembered) {
      remembered.remove(handle.taskId());
    }
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(
        () -> {
          RequestUrls urls = urls(handle);
          return api.status(urls.status).flatMap(s -> fromStatus(handle, urls, s));
        });
  }

  private Single<TaskStatus> fromStatus(
      TaskHandle handle, RequestUrls urls, QueueStatusResponse s) {
    String status = mapping.canonical(answers, s);
    if (status.equals(QueueMapping.COMPLETED)) return result(handle, urls, s.status());
    return Single.just(ended(handle, mapping.fromStatus(answers, errors, handle, status, s)));
  }

  private TaskStatus ended(TaskHandle handle, TaskStatus s) {
    if (s.isTerminal()) forget(handle);
    return s;
  }

  /**
   * COMPLETED says only that the run ended: the result call tells a video from a failure, which
   * arrives as a non-2xx answer with the provider's detail (read as a value, see {@link
   * QueueApi#result}).
   */
  private Single<TaskStatus> result(TaskHandle handle, RequestUrls urls, String raw) {
    return api.result(urls.result)
        .map(
            r -> {
              if (r.isSuccessful()) {
                QueueResultResponse body = r.body();
                if (body == null)
                  throw answers.unreadable("The result of a COMPLETED request is empty");
                return ended(handle, mapping.succeeded(answers, handle, body, raw));
              }
              QueueErrors.Parsed p = errors.parse(new HttpException(r));
              Optional<TaskStatus> s = mapping.fromFailedResult(answers, errors, handle, p, raw);
              if (!s.isPresent()) throw errors.forCall(p);
              return ended(handle, s.get());
            });
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.cancel(urls(handle).cancel)).flatMapCompletable(this::cancelled);
  }

  /**
   * CANCELLATION_REQUESTED and OK complete; ALREADY_COMPLETED is {@link
   * TaskEndedBeforeCancelException} (the engine reads the final state); NOT_FOUND is {@link
   * TaskNotFoundException}.
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
        return Completable.error(HttpErrors.fromIOException(protocol.providerId(), e));
      }
    }
    String status = null;
    if (!text.trim().isEmpty()) {
      QueueCancelResponse parsed = ProviderAnswers.read(text, QueueCancelResponse.class);
      status = parsed == null ? null : parsed.status();
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
        return Completable.error(
            new TaskEndedBeforeCancelException(
                "cancel answered ALREADY_COMPLETED (HTTP " + response.code() + ")"));
      case "NOT_FOUND":
        return Completable.error(
            new TaskNotFoundException(
                "Provider "
                    + protocol.providerId()
                    + " does not know this request (cancel answered NOT_FOUND): the id may be"
                    + " wrong, belong to another account, or have expired",
                ErrorAnswer.of(protocol.providerId(), response.code(), null)
                    .withCode("NOT_FOUND")
                    .details()));
      default:
        return Completable.error(
            answers.malformed(
                "The cancel answer has the unknown status '" + answers.quote(status) + "'"));
    }
  }

  @Override
  public String toString() {
    return "QueueProvider{"
        + protocol.providerId()
        + " at "
        + baseUrl.scheme()
        + "://"
        + baseUrl.host()
        + ":"
        + baseUrl.port()
        + "}";
  }

  /** The status, result and cancel URLs of one request. */
  public static final class RequestUrls {
    final HttpUrl status;
    final HttpUrl result;
    final HttpUrl cancel;

    RequestUrls(HttpUrl status, HttpUrl result, HttpUrl cancel) {
      this.status = status;
      this.result = result;
      this.cancel = cancel;
    }

    public HttpUrl status() {
      return status;
    }

    public HttpUrl result() {
      return result;
    }

    public HttpUrl cancel() {
      return cancel;
    }

    /**
     * {@code <base><app path>/requests/<id>/{status,cancel}}, and the result at {@code …/response}
     * or {@code …/requests/<id>} as the protocol's {@link QueueProtocol.ResultPath} says.
     */
    static RequestUrls build(QueueProtocol protocol, HttpUrl baseUrl, String id) {
      HttpUrl request =
          baseUrl
              .newBuilder()
              .addPathSegments(protocol.appPath())
              .addPathSegment("requests")
              .addPathSegment(id)
              .build();
      HttpUrl result =
          protocol.resultPath() == QueueProtocol.ResultPath.RESPONSE
              ? request.newBuilder().addPathSegment("response").build()
              : request;
      return new RequestUrls(
          request.newBuilder().addPathSegment("status").build(),
          result,
          request.newBuilder().addPathSegment("cancel").build());
    }
  }
}
