package io.github.pixverse4j.poll.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoProvider;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.poll.PollProtocol;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The {@link VideoProvider} of a poll protocol: submit, read the task by id, cancel where the
 * protocol has a cancel path; each answer read at the protocol's JSON pointers and mapped through
 * its state table.
 */
public final class PollProvider implements VideoProvider {
  private final PollProtocol protocol;
  private final PollApi api;
  private final HttpUrl baseUrl;
  private final HttpUrl submitUrl;
  private final ProviderAnswers answers;
  private final StatusNames statuses;

  public PollProvider(
      PollProtocol protocol, PollApi api, HttpUrl baseUrl, ProviderAnswers answers) {
    if (protocol == null) throw new NullPointerException("protocol == null");
    if (api == null) throw new NullPointerException("api == null");
    if (baseUrl == null) throw new NullPointerException("baseUrl == null");
    if (answers == null) throw new NullPointerException("answers == null");
    this.protocol = protocol;
    this.api = api;
    this.baseUrl = baseUrl;
    this.submitUrl = baseUrl.newBuilder().addPathSegments(protocol.submitPath()).build();
    this.answers = answers;
    this.statuses = protocol.statusNames();
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
    return Single.defer(
            () -> {
              Map<String, Object> body = protocol.submitBody().body(request);
              if (body == null) {
                throw new NullPointerException(
                    "the submit body mapper of " + protocol + " returned null");
              }
              return api.submit(submitUrl, body);
            })
        .map(
            r ->
                answers.handle(
                    protocol.model(),
                    PollErrors.text(r, protocol.taskIdField()),
                    name(protocol.taskIdField())));
  }

  @Override
  public Single<TaskStatus> status(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    return Single.defer(() -> api.status(url(protocol.statusPath(), handle)))
        .map(r -> toStatus(handle, r));
  }

  @Override
  public Completable cancel(TaskHandle handle) {
    if (handle == null) throw new NullPointerException("handle == null");
    String path = protocol.cancelPath();
    if (path == null) return VideoProvider.super.cancel(handle);
    return Single.defer(() -> api.cancel(url(path, handle))).ignoreElement();
  }

  /** {@code <base><path>} with the handle's id as the {@link PollProtocol#ID} segment. */
  HttpUrl url(String path, TaskHandle handle) {
    HttpUrl.Builder b = baseUrl.newBuilder();
    for (String segment : path.split("/", -1)) {
      b.addPathSegment(segment.equals(PollProtocol.ID) ? handle.taskId() : segment);
    }
    return b.build();
  }

  /** What one status answer says, through the protocol's pointers and state table. */
  TaskStatus toStatus(TaskHandle handle, JsonNode r) {
    String raw = PollErrors.text(r, protocol.statusField());
    String canonical = answers.canonical(statuses, raw);
    TaskState state = stateOf(canonical);
    TaskStatus.Builder b = answers.status(handle, state, raw);
    switch (state) {
      case QUEUED:
        {
          Integer position = wholeNumber(r, protocol.queuePositionField(), Integer.MAX_VALUE);
          if (position != null) b.queuePosition(position);
          break;
        }
      case RUNNING:
        {
          Integer progress = wholeNumber(r, protocol.progressField(), 100);
          if (progress != null) b.progressPercent(progress);
          break;
        }
      case SUCCEEDED:
        for (String url : videoUrls(r))
          b.addVideos(answers.video(url, name(protocol.videoUrlsField())).build());
        break;
      case FAILED:
        b.failure(failure(r));
        break;
      default:
        break;
    }
    return b.build();
  }

  private TaskState stateOf(String canonical) {
    for (Map.Entry<String, TaskState> e : protocol.states().entrySet()) {
      if (StatusNames.normalise(e.getKey()).equals(StatusNames.normalise(canonical))) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("status table of " + protocol + " lost " + canonical);
  }

  private List<String> videoUrls(JsonNode r) {
    JsonNode n = r.at(protocol.videoUrlsField());
    List<String> urls = new ArrayList<>();
    if (n.isTextual()) {
      urls.add(n.asText());
    } else if (n.isArray()) {
      for (JsonNode u : n) {
        if (!u.isTextual()) {
          throw answers.malformed(
              "The answer's "
                  + name(protocol.videoUrlsField())
                  + " holds a value that is not a URL");
        }
        urls.add(u.asText());
      }
    }
    if (urls.isEmpty()) {
      throw answers.malformed(
          "The answer reports success but has no " + name(protocol.videoUrlsField()));
    }
    return urls;
  }

  private io.github.pixverse4j.api.TaskFailure failure(JsonNode r) {
    String message = PollErrors.text(r, protocol.failureMessageField());
    String code = PollErrors.text(r, protocol.failureCodeField());
    FailureCategory category;
    if (moderated(r) || PollErrors.isModeration(code)) {
      category = FailureCategory.MODERATION;
    } else if (StatusNames.mentionsCancellation(message)
        || StatusNames.mentionsCancellation(code)) {
      category = FailureCategory.CANCELLED;
    } else {
      category =
          message != null || code != null
              ? FailureCategory.PROVIDER_ERROR
              : FailureCategory.UNKNOWN;
    }
    return answers.failure(
        category,
        message != null
            ? message
            : "Provider " + protocol.providerId() + " reported the task as failed without a reason",
        code);
  }

  private boolean moderated(JsonNode r) {
    String pointer = protocol.moderationField();
    if (pointer == null) return false;
    JsonNode n = r.at(pointer);
    if (n.isBoolean()) return n.booleanValue();
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (e.isBoolean() && e.booleanValue()) return true;
      }
      return false;
    }
    return n.isTextual() && PollErrors.isModeration(n.asText());
  }

  /** A whole number in {@code [0, max]} at {@code pointer} (a number or numeric text), or null. */
  private static @Nullable Integer wholeNumber(JsonNode r, @Nullable String pointer, int max) {
    if (pointer == null) return null;
    JsonNode n = r.at(pointer);
    long value;
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      value = n.longValue();
    } else if (n.isNumber()) {
      value = (long) Math.floor(n.doubleValue());
    } else if (n.isTextual()) {
      try {
        value = Long.parseLong(n.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return value < 0 || value > max ? null : (int) value;
  }

  /** {@code /data/outputs} as messages name it: {@code data.outputs}. */
  static String name(String pointer) {
    return pointer.substring(1).replace('/', '.');
  }

  @Override
  public String toString() {
    return "PollProvider{"
        + protocol.providerId()
        + " at "
        + baseUrl.scheme()
        + "://"
        + baseUrl.host()
        + ":"
        + baseUrl.port()
        + "}";
  }
}
