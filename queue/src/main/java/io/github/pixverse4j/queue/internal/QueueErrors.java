package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.TaskFailure;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.HttpErrors;
import io.github.pixverse4j.client.provider.ErrorAnswer;
import io.github.pixverse4j.client.provider.ProviderAnswers;
import io.github.pixverse4j.client.provider.StatusNames;
import io.github.pixverse4j.queue.QueueProtocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import retrofit2.HttpException;

/**
 * Reads a queue protocol's fal-style error answers: a detail list of {@code {loc, msg, type}} or a
 * detail text, an error type, and the error-type header (by default {@code detail}, {@code
 * error_type} and {@code X-Fal-Error-Type}; the names are the {@link QueueProtocol}'s).
 */
public final class QueueErrors {
  private final String providerId;
  private final String detailField;
  private final String typeField;
  private final String typeHeader;
  private final Map<String, String> requestFields;
  private final ApiKey key;

  public QueueErrors(QueueProtocol protocol, ApiKey keyToScrub) {
    if (protocol == null) throw new NullPointerException("protocol == null");
    this.providerId = protocol.providerId();
    this.detailField = protocol.errorDetailField();
    this.typeField = protocol.errorTypeField();
    this.typeHeader = protocol.errorTypeHeader();
    this.requestFields = protocol.requestFields();
    this.key = keyToScrub;
  }

  /** What one error answer says, already scrubbed of the API key. */
  public static final class Parsed {
    final int httpStatus;
    final Headers headers;
    final String errorType;
    final String message;
    final String bodySnippet;
    final List<Item> items;

    Parsed(
        int httpStatus,
        Headers headers,
        String errorType,
        String message,
        String bodySnippet,
        List<Item> items) {
      this.httpStatus = httpStatus;
      this.headers = headers;
      this.errorType = errorType;
      this.message = message;
      this.bodySnippet = bodySnippet;
      this.items = items;
    }

    public int httpStatus() {
      return httpStatus;
    }

    /**
     * The error-type header, else the body's error type, else the first {@code detail[].type}; or
     * null.
     */
    public String errorType() {
      return errorType;
    }

    /** The provider's explanation, or null. */
    public String message() {
      return message;
    }

    /** Whether the provider marked this as a structured failure of the task, not of the call. */
    public boolean hasProviderError() {
      return errorType != null || !items.isEmpty();
    }

    public boolean isModeration() {
      return isModerationType(errorType) || items.stream().anyMatch(i -> isModerationType(i.type));
    }

    /**
     * Whether the answer says the request was cancelled (a result after a cancel from anywhere:
     * fal-style queues report COMPLETED, then answer the result with the cancellation).
     */
    public boolean isCancellation() {
      return StatusNames.mentionsCancellation(errorType)
          || StatusNames.mentionsCancellation(message);
    }
  }

  static final class Item {
    final String field;
    final String msg;
    final String type;

    Item(String field, String msg, String type) {
      this.field = field;
      this.msg = msg;
      this.type = type;
    }
  }

  /**
   * Whether an error type names a content-moderation refusal, such as fal's {@code
   * content_policy_violation}.
   */
  public static boolean isModerationType(String type) {
    if (type == null) return false;
    String t = type.toLowerCase(Locale.ROOT);
    return t.contains("content_policy") || t.contains("moderation") || t.contains("nsfw");
  }

  /** Reads the error answer of {@code e}; never fails. */
  public Parsed parse(HttpException e) {
    if (e == null) throw new NullPointerException("e == null");
    retrofit2.Response<?> response = e.response();
    Headers headers = response == null ? null : response.headers();
    return parse(e.code(), headers, HttpErrors.errorBody(e));
  }

  /** Reads an error answer given as status, headers and body text; never fails. */
  public Parsed parse(int httpStatus, Headers headers, String body) {
    JsonNode parsed = body == null ? null : ProviderAnswers.json(body);
    JsonNode detail = parsed == null || !parsed.isObject() ? null : parsed.get(detailField);
    JsonNode type = parsed == null || !parsed.isObject() ? null : parsed.get(typeField);
    return parse(
        httpStatus,
        headers,
        detail == null || detail.isNull() ? null : detail,
        type == null || !type.isValueNode() || type.isNull() ? null : type.asText(),
        body);
  }

  /**
   * Reads a failure reported inside a 200 answer (a {@code FAILED} status with the error detail and
   * type fields); never fails.
   */
  public Parsed parse(QueueStatusResponse s) {
    JsonNode type = s.field(typeField);
    return parse(
        0,
        null,
        s.field(detailField),
        type == null || !type.isValueNode() ? null : type.asText(),
        null);
  }

  private Parsed parse(
      int httpStatus, Headers headers, JsonNode detail, String bodyErrorType, String body) {
    List<Item> items = new ArrayList<>();
    String message = null;
    String errorType = headers == null ? null : blankToNull(headers.get(typeHeader));
    if (errorType == null) errorType = blankToNull(bodyErrorType);
    if (detail != null && detail.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode d : detail) {
        Item item = item(d);
        items.add(item);
        if (joined.length() > 0) joined.append("; ");
        joined.append(item.field == null ? "" : item.field + ": ").append(item.msg);
      }
      message = joined.length() == 0 ? null : joined.toString();
    } else if (detail != null && detail.isValueNode() && !detail.isNull()) {
      message = blankToNull(detail.asText());
    } else if (detail != null && detail.isObject()) {
      message = blankToNull(detail.toString());
    }
    if (errorType == null) {
      for (Item i : items) {
        if (i.type != null) {
          errorType = i.type;
          break;
        }
      }
    }
    String scrubbedMessage = message == null ? null : blankToNull(HttpErrors.snippet(message, key));
    String scrubbedType =
        errorType == null ? null : blankToNull(HttpErrors.snippet(errorType, key));
    return new Parsed(
        httpStatus,
        headers,
        scrubbedType,
        scrubbedMessage,
        HttpErrors.snippet(body, key),
        Collections.unmodifiableList(items));
  }

  private Item item(JsonNode d) {
    if (!d.isObject()) return new Item(null, HttpErrors.snippet(d.asText(), key), null);
    String field = null;
    JsonNode loc = d.get("loc");
    if (loc != null && loc.isArray()) {
      for (JsonNode part : loc) {
        String p = part.asText();
        if (!p.equals("body") && !p.isEmpty()) {
          field = p;
          break;
        }
      }
    }
    JsonNode msg = d.get("msg");
    JsonNode type = d.get("type");
    return new Item(
        field == null ? null : HttpErrors.snippet(field, key),
        msg == null || msg.isNull() ? "rejected" : HttpErrors.snippet(msg.asText(), key),
        type == null || type.isNull() ? null : HttpErrors.snippet(type.asText(), key));
  }

  /**
   * The exception for a failed submit, status or cancel call: a moderation refusal becomes {@link
   * ContentRejectedException}, a {@code detail} list {@link InvalidRequestException} with one
   * violation per entry, anything else the shared table of {@link HttpErrors#fromResponse}.
   */
  public VideoApiException forCall(HttpException e) {
    return forCall(parse(e));
  }

  /** Same as {@link #forCall(HttpException)} for an already parsed answer. */
  public VideoApiException forCall(Parsed p) {
    // Parsed already scrubbed the type, message and snippet; ErrorAnswer leaves them as they are.
    ErrorAnswer answer =
        ErrorAnswer.of(providerId, p.httpStatus, key)
            .withCode(p.errorType)
            .withWords(p.message, p.bodySnippet);
    ErrorDetails details = answer.details();
    String suffix = answer.saidSuffix();
    if (p.isModeration() && p.httpStatus >= 400 && p.httpStatus < 500) {
      return new ContentRejectedException(
          "Provider "
              + providerId
              + " refused the prompt or image on content-policy grounds (HTTP "
              + p.httpStatus
              + "): change the input"
              + suffix,
          details);
    }
    if ((p.httpStatus == 400 || p.httpStatus == 422) && !p.items.isEmpty()) {
      List<Violation> violations = new ArrayList<>();
      for (Item i : p.items) {
        String field = i.field == null ? "request" : requestFields.getOrDefault(i.field, i.field);
        violations.add(
            Violation.of(
                field,
                i.type == null ? "accepted by " + providerId : i.type,
                null,
                (i.field == null ? "" : i.field + ": ") + i.msg));
      }
      return new InvalidRequestException(
          "Provider "
              + providerId
              + " rejected the request as invalid (HTTP "
              + p.httpStatus
              + ")"
              + suffix,
          violations,
          details);
    }
    return HttpErrors.fromResponse(
        providerId, p.httpStatus, p.headers, p.bodySnippet, p.errorType, p.message, key);
  }

  /** How a task failed, from a result or status answer that reports a failure. */
  public TaskFailure failure(Parsed p, FailureCategory otherwise) {
    FailureCategory category =
        p.isModeration()
            ? FailureCategory.MODERATION
            : p.isCancellation() ? FailureCategory.CANCELLED : otherwise;
    String message =
        p.message != null
            ? p.message
            : "Provider "
                + providerId
                + " reported the task as failed"
                + (p.httpStatus > 0 ? " (HTTP " + p.httpStatus + ")" : "")
                + " without a reason";
    TaskFailure.Builder b = TaskFailure.builder().category(category).message(message);
    if (p.errorType != null) b.providerCode(p.errorType);
    return b.build();
  }

  private static String blankToNull(String s) {
    return s == null || s.trim().isEmpty() ? null : s.trim();
  }
}
