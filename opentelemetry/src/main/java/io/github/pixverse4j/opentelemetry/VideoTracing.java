package io.github.pixverse4j.opentelemetry;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.HttpExchange;
import io.github.pixverse4j.client.VideoEventListener;
import io.github.pixverse4j.client.VideoOperation;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * OpenTelemetry traces of a {@code VideoClient}, as its event listener factory: one span per
 * operation ({@code pixverse4j generate}, {@code pixverse4j status}, …, kind {@code INTERNAL}) from
 * its subscription to its end, with the task's state changes, retries and submit outcome as span
 * events, and one child span per HTTP call (kind {@code CLIENT}, named by its method, HTTP
 * semantic-convention attributes). Span names and attributes: the module's README.
 *
 * <pre>{@code
 * VideoClient client = GmiCloud.builder()
 *     .apiKey(key)
 *     .addEventListenerFactory(VideoTracing.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>The parent of an operation's span is the {@link Context#current() current context} of the
 * thread that subscribes to the operation (where {@link #create} runs): subscribe inside the
 * caller's span and the task is part of its trace. No API key enters an attribute or event: URLs
 * are recorded as the client's HTTP log writes them (query values hidden, key scrubbed), and an
 * exception is recorded only as the library built it (its messages are scrubbed of the key).
 *
 * <p>Register it on the builder ({@code addEventListenerFactory}): the HTTP spans need the hook the
 * builder installs; {@code VideoClient.withEventListener} on a client built without listeners gets
 * the operation spans only.
 */
public final class VideoTracing implements VideoEventListener.Factory {
  /** The instrumentation scope name of the spans. */
  public static final String INSTRUMENTATION_NAME = "io.github.pixverse4j";

  static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("pixverse4j.provider");
  static final AttributeKey<String> MODEL = AttributeKey.stringKey("pixverse4j.model");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("pixverse4j.operation");
  static final AttributeKey<String> TASK_ID = AttributeKey.stringKey("pixverse4j.task.id");
  static final AttributeKey<String> TASK_STATE = AttributeKey.stringKey("pixverse4j.task.state");
  static final AttributeKey<String> FAILURE_CATEGORY =
      AttributeKey.stringKey("pixverse4j.task.failure.category");
  static final AttributeKey<Long> DOWNLOAD_BYTES =
      AttributeKey.longKey("pixverse4j.download.bytes");
  static final AttributeKey<String> RETRY_CALL = AttributeKey.stringKey("pixverse4j.retry.call");
  static final AttributeKey<String> RETRY_REASON =
      AttributeKey.stringKey("pixverse4j.retry.reason");
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("pixverse4j.retry.attempt");
  static final AttributeKey<Long> RETRY_DELAY_MS =
      AttributeKey.longKey("pixverse4j.retry.delay_ms");
  static final AttributeKey<Long> SUBMIT_ATTEMPT =
      AttributeKey.longKey("pixverse4j.submit.attempt");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

  private final Tracer tracer;

  private VideoTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** Traces with {@code openTelemetry}'s tracer of scope {@link #INSTRUMENTATION_NAME}. */
  public static VideoTracing create(OpenTelemetry openTelemetry) {
    if (openTelemetry == null) throw new NullPointerException("openTelemetry == null");
    return new VideoTracing(openTelemetry.getTracer(INSTRUMENTATION_NAME));
  }

  /** Starts the operation's span, child of the subscribing thread's current context. */
  @Override
  public VideoEventListener create(VideoOperation operation) {
    return new OperationSpan(tracer, operation, Context.current());
  }

  /** The span name of an operation of {@code kind}: {@code pixverse4j generate}, … */
  static String spanName(VideoOperation.Kind kind) {
    return "pixverse4j " + kind.name().toLowerCase(Locale.ROOT);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  /** The span of one operation and its open HTTP spans. */
  private static final class OperationSpan extends VideoEventListener {
    private final Tracer tracer;
    private final Span span;
    private final Context context;
    private final Map<HttpExchange, Span> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile TaskState lastState;
    private volatile boolean taskFailed;

    OperationSpan(Tracer tracer, VideoOperation op, Context parent) {
      this.tracer = tracer;
      this.span =
          tracer
              .spanBuilder(spanName(op.kind()))
              .setParent(parent)
              .setSpanKind(SpanKind.INTERNAL)
              .setAttribute(PROVIDER, op.providerId())
              .setAttribute(MODEL, op.model())
              .setAttribute(OPERATION, lower(op.kind()))
              .startSpan();
      op.handle().ifPresent(h -> span.setAttribute(TASK_ID, h.taskId()));
      this.context = parent.with(span);
    }

    @Override
    public void submitStart(VideoOperation op, int attempt) {
      span.addEvent("pixverse4j.submit", Attributes.of(SUBMIT_ATTEMPT, (long) attempt));
    }

    @Override
    public void submitAccepted(VideoOperation op, TaskHandle handle, Duration took) {
      span.setAttribute(TASK_ID, handle.taskId());
      span.addEvent("pixverse4j.submit.accepted");
    }

    @Override
    public void submitRefused(VideoOperation op, Throwable error) {
      span.addEvent(
          "pixverse4j.submit.refused", Attributes.of(ERROR_TYPE, error.getClass().getName()));
    }

    @Override
    public void submitOutcomeUnknown(VideoOperation op, SubmitOutcomeUnknownException error) {
      span.addEvent(
          "pixverse4j.submit.outcome_unknown",
          Attributes.of(ERROR_TYPE, error.getClass().getName()));
    }

    @Override
    public void statusRead(VideoOperation op, TaskStatus status, Duration took) {
      lastState = status.state();
    }

    @Override
    public void retryScheduled(
        VideoOperation op,
        CallKind call,
        RetryReason reason,
        int attempt,
        Duration delay,
        Throwable failure) {
      span.addEvent(
          "pixverse4j.retry",
          Attributes.builder()
              .put(RETRY_CALL, lower(call))
              .put(RETRY_REASON, lower(reason))
              .put(RETRY_ATTEMPT, (long) attempt)
              .put(RETRY_DELAY_MS, delay.toMillis())
              .put(ERROR_TYPE, failure.getClass().getName())
              .build());
    }

    @Override
    public void stateChanged(VideoOperation op, TaskStatus status) {
      lastState = status.state();
      span.addEvent("pixverse4j.state", Attributes.of(TASK_STATE, status.state().name()));
    }

    @Override
    public void terminal(VideoOperation op, TaskStatus status) {
      lastState = status.state();
      if (status.state() == TaskState.FAILED) {
        taskFailed = true;
        status.failure().ifPresent(f -> span.setAttribute(FAILURE_CATEGORY, f.category().name()));
      }
    }

    @Override
    public void downloadEnd(VideoOperation op, DownloadProgress last, Duration took) {
      span.setAttribute(DOWNLOAD_BYTES, last.bytesRead());
    }

    @Override
    public void httpCallStart(VideoOperation op, HttpExchange exchange) {
      Span call =
          tracer
              .spanBuilder(exchange.method())
              .setParent(context)
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute(HTTP_METHOD, exchange.method())
              .setAttribute(URL_FULL, exchange.url())
              .setAttribute(SERVER_ADDRESS, exchange.host())
              .setAttribute(SERVER_PORT, (long) exchange.port())
              .startSpan();
      calls.put(exchange, call);
      if (ended.get() && calls.remove(exchange) != null) call.end();
    }

    @Override
    public void httpCallEnd(VideoOperation op, HttpExchange exchange, Duration took) {
      Span call = calls.remove(exchange);
      if (call == null) return;
      if (exchange.statusCode().isPresent()) {
        int code = exchange.statusCode().getAsInt();
        call.setAttribute(HTTP_STATUS, (long) code);
        if (code >= 400) {
          call.setAttribute(ERROR_TYPE, String.valueOf(code));
          call.setStatus(StatusCode.ERROR);
        }
      } else {
        call.setAttribute(ERROR_TYPE, exchange.failureType().orElse("_OTHER"));
        call.setStatus(StatusCode.ERROR);
      }
      call.end();
    }

    @Override
    public void operationEnd(VideoOperation op) {
      if (taskFailed) span.setStatus(StatusCode.ERROR, "the task failed");
      end();
    }

    @Override
    public void operationFailed(VideoOperation op, Throwable error) {
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.recordException(error);
      span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
      end();
    }

    @Override
    public void operationCanceled(VideoOperation op) {
      span.addEvent("pixverse4j.canceled");
      end();
    }

    private void end() {
      if (!ended.compareAndSet(false, true)) return;
      TaskState state = lastState;
      if (state != null) span.setAttribute(TASK_STATE, state.name());
      // A call still running when the operation ended (disposed) ends with it.
      for (HttpExchange e : calls.keySet()) {
        Span call = calls.remove(e);
        if (call != null) call.end();
      }
      span.end();
    }
  }
}
