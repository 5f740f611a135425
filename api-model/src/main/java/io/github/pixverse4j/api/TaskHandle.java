package io.github.pixverse4j.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Identifies one task at one provider: the provider id, the model, and the provider's task id.
 *
 * <p>{@link #token()} turns the handle into a short, URL-safe, versioned string to keep in a
 * database or an Android {@code Bundle}; {@link #parse(String)} turns it back. A handle holds no
 * secret: the API key and the base URL come from the client that {@code watch}es it.
 */
public final class TaskHandle {
  static final String PREFIX = "pv4j";
  static final int VERSION = 1;

  /** Longest token {@link #parse} accepts. */
  public static final int MAX_TOKEN_LENGTH = 1024;

  private static final int MAX_PROVIDER_ID = 32;
  private static final int MAX_MODEL = 64;
  private static final int MAX_TASK_ID = 512;

  private final String providerId;
  private final String model;
  private final String taskId;

  private TaskHandle(String providerId, String model, String taskId) {
    this.providerId = providerId;
    this.model = model;
    this.taskId = taskId;
  }

  /**
   * Creates a handle.
   *
   * @param providerId lower-case id such as {@code "gmi"}
   * @param model the model the task runs on, such as {@code "pixverse-v6-i2v"}
   * @param taskId the provider's id for the task: 1 to 512 characters, not {@code .} or {@code ..},
   *     without {@code / \\ ? # %} or control characters (it becomes a path segment of the
   *     provider's URLs)
   * @throws IllegalArgumentException when an argument breaks these rules
   */
  public static TaskHandle of(String providerId, String model, String taskId) {
    if (providerId == null) throw new NullPointerException("providerId == null");
    if (model == null) throw new NullPointerException("model == null");
    if (taskId == null) throw new NullPointerException("taskId == null");
    if (!providerId.matches("[a-z0-9][a-z0-9_-]{0," + (MAX_PROVIDER_ID - 1) + "}")) {
      throw new IllegalArgumentException(
          "providerId must be 1-32 characters of a-z, 0-9, '-' or '_', got '" + providerId + "'");
    }
    if (model.isEmpty() || model.length() > MAX_MODEL) {
      throw new IllegalArgumentException("model must be 1-" + MAX_MODEL + " characters");
    }
    if (taskId.isEmpty() || taskId.length() > MAX_TASK_ID) {
      throw new IllegalArgumentException("taskId must be 1-" + MAX_TASK_ID + " characters");
    }
    // A token is UTF-8; an unpaired surrogate would be encoded as '?' and name another task.
    if (!wellFormed(model) || !wellFormed(taskId)) {
      throw new IllegalArgumentException("model and taskId must be well-formed Unicode text");
    }
    String unsafe = unsafeInPath(taskId);
    if (unsafe != null) {
      throw new IllegalArgumentException(
          "taskId must not " + unsafe + ": it would send the request for this task elsewhere");
    }
    return new TaskHandle(providerId, model, taskId);
  }

  /**
   * Why {@code taskId} cannot be one path segment of a request URL, or null: {@code .} and {@code
   * ..} (dot segments; a URL library resolves them, so {@code …/requests/../status} would leave the
   * task's path), {@code /}, {@code \}, {@code ?}, {@code #}, {@code %} (path, query, fragment and
   * escape delimiters) and control characters. No provider's ids use any of them (issue 25).
   */
  private static String unsafeInPath(String taskId) {
    if (taskId.equals(".") || taskId.equals("..")) return "be '.' or '..'";
    for (int i = 0; i < taskId.length(); i++) {
      char c = taskId.charAt(i);
      if (c == '/' || c == '\\' || c == '?' || c == '#' || c == '%') {
        return "contain '" + c + "'";
      }
      if (Character.isISOControl(c)) return "contain control characters";
    }
    return null;
  }

  /**
   * Reads a token made by {@link #token()}.
   *
   * @throws IllegalArgumentException saying what is wrong when {@code token} is not a valid token
   */
  public static TaskHandle parse(String token) {
    if (token == null) throw new NullPointerException("token == null");
    String t = token.trim();
    if (t.length() > MAX_TOKEN_LENGTH) {
      throw invalid("it is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    String[] parts = t.split("\\.", -1);
    if (parts.length < 2 || !parts[0].equals(PREFIX)) {
      throw invalid("it does not start with '" + PREFIX + "." + VERSION + ".'");
    }
    int version;
    try {
      version = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw invalid("its version '" + shorten(parts[1]) + "' is not a number");
    }
    if (version != VERSION) {
      throw invalid(
          "it has version "
              + version
              + " but this library reads version "
              + VERSION
              + (version > VERSION ? " (upgrade pixverse4j)" : ""));
    }
    if (parts.length != 5) {
      throw invalid("it has " + (parts.length - 2) + " fields after the version, expected 3");
    }
    String providerId = decode(parts[2], "provider id");
    String model = decode(parts[3], "model");
    String taskId = decode(parts[4], "task id");
    try {
      return of(providerId, model, taskId);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static String decode(String part, String what) {
    if (part.isEmpty()) throw invalid("its " + what + " is empty");
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw invalid("its " + what + " is not URL-safe base64");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("its " + what + " is not UTF-8 text");
    }
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException(
        "Not a pixverse4j task token: "
            + why
            + ". Use the exact string printed by TaskHandle.token().");
  }

  private static String shorten(String s) {
    return s.length() <= 16 ? s : s.substring(0, 16) + "…";
  }

  private static String encode(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  public String providerId() {
    return providerId;
  }

  public String model() {
    return model;
  }

  public String taskId() {
    return taskId;
  }

  /** A stable, URL-safe string for this handle, such as {@code pv4j.1.Z21p.cGl4….OGZi…}. */
  public String token() {
    return PREFIX
        + "."
        + VERSION
        + "."
        + encode(providerId)
        + "."
        + encode(model)
        + "."
        + encode(taskId);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TaskHandle)) return false;
    TaskHandle h = (TaskHandle) o;
    return providerId.equals(h.providerId) && model.equals(h.model) && taskId.equals(h.taskId);
  }

  @Override
  public int hashCode() {
    return (providerId.hashCode() * 31 + model.hashCode()) * 31 + taskId.hashCode();
  }

  @Override
  public String toString() {
    return "TaskHandle{" + providerId + ", " + model + ", " + taskId + "}";
  }
}
