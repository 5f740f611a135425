package io.github.pixverse4j.client.batch;

import io.github.pixverse4j.api.ExtendVideoRequest;
import io.github.pixverse4j.api.ImageToVideoRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of a batch: its id and what to make (an image-to-video or an extend request), or, for an
 * item that could not even be read, the problems found, so that it is reported with the others and
 * costs nothing. Immutable.
 */
public final class BatchItem {
  /** The longest id accepted, in characters. */
  public static final int MAX_ID_LENGTH = 200;

  private final String id;
  private final @Nullable ImageToVideoRequest imageToVideo;
  private final @Nullable ExtendVideoRequest extend;
  private final List<String> problems;

  private BatchItem(
      String id,
      @Nullable ImageToVideoRequest imageToVideo,
      @Nullable ExtendVideoRequest extend,
      List<String> problems) {
    this.id = checkId(id);
    this.imageToVideo = imageToVideo;
    this.extend = extend;
    this.problems = problems;
  }

  /** An image-to-video item. */
  public static BatchItem of(String id, ImageToVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return new BatchItem(id, request, null, Collections.<String>emptyList());
  }

  /** An extend item. */
  public static BatchItem of(String id, ExtendVideoRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    return new BatchItem(id, null, request, Collections.<String>emptyList());
  }

  /**
   * An item that could not be read (bad JSON, a missing image): the runner reports it as {@link
   * BatchItemResult.Outcome#INVALID} with {@code problems}, sending nothing.
   *
   * @param problems at least one, each a sentence for people
   */
  public static BatchItem invalid(String id, List<String> problems) {
    if (problems == null) throw new NullPointerException("problems == null");
    if (problems.isEmpty()) throw new IllegalArgumentException("problems is empty");
    return new BatchItem(
        id, null, null, Collections.unmodifiableList(new ArrayList<String>(problems)));
  }

  private static String checkId(String id) {
    if (id == null) throw new NullPointerException("id == null");
    if (id.isEmpty()) throw new IllegalArgumentException("id is empty");
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "id is longer than " + MAX_ID_LENGTH + " characters: " + id.length());
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException("id contains a control character at index " + i);
      }
    }
    return id;
  }

  /** The item's id, unique within its batch; the journal and the results name the item by it. */
  public String id() {
    return id;
  }

  /** The image-to-video request, for such an item. */
  public Optional<ImageToVideoRequest> imageToVideo() {
    return Optional.ofNullable(imageToVideo);
  }

  /** The extend request, for such an item. */
  public Optional<ExtendVideoRequest> extend() {
    return Optional.ofNullable(extend);
  }

  /** Why the item could not be read; empty for an item with a request. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "BatchItem{"
        + id
        + (imageToVideo != null ? ", image-to-video" : extend != null ? ", extend" : ", invalid")
        + "}";
  }
}
