package io.github.pixverse4j.queue.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET …/requests/{id}/status}: {@code IN_QUEUE} (with a queue position),
 * {@code IN_PROGRESS} or {@code COMPLETED}; some fal-compatible services also send {@code FAILED},
 * {@code CANCELED} or {@code CANCELLED}, the first possibly with the protocol's error detail and
 * type fields, whose names are configured ({@link #field}), hence read as a tree.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class QueueStatusResponse {
  private final JsonNode tree;

  private QueueStatusResponse(JsonNode tree) {
    this.tree = tree == null ? NullNode.getInstance() : tree;
  }

  /** The answer read from its JSON (what Jackson calls). */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static QueueStatusResponse of(JsonNode tree) {
    return new QueueStatusResponse(tree);
  }

  /** The status value as sent (a number is read as its text), or null. */
  @Nullable
  public String status() {
    return text("status");
  }

  @Nullable
  public String requestId() {
    return text("request_id");
  }

  /**
   * The queue position; a number sent as a string is read too; null when absent or not a number.
   */
  @Nullable
  public Integer queuePosition() {
    JsonNode n = tree.get("queue_position");
    if (n == null || n.isNull()) return null;
    if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
    if (n.isTextual()) {
      try {
        return Integer.valueOf(n.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The field {@code name} (such as the protocol's error detail field), or null. */
  @Nullable
  public JsonNode field(String name) {
    JsonNode n = tree.get(name);
    return n == null || n.isNull() ? null : n;
  }

  @Nullable
  private String text(String name) {
    JsonNode n = field(name);
    return n == null || !n.isValueNode() ? null : n.asText();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QueueStatusResponse && ((QueueStatusResponse) o).tree.equals(tree);
  }

  @Override
  public int hashCode() {
    return tree.hashCode();
  }

  @Override
  public String toString() {
    return "QueueStatusResponse" + tree;
  }
}
