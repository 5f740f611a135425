package io.github.pixverse4j.api;

import java.util.Objects;

/** One way a request breaks a provider's limits: which field, which limit, what was given. */
public final class Violation {
  private final String field;
  private final String limit;
  private final String given;
  private final String message;

  private Violation(String field, String limit, String given, String message) {
    this.field = field;
    this.limit = limit;
    this.given = given;
    this.message = message;
  }

  /**
   * Creates a violation.
   *
   * @param field the request field, such as {@code "duration"}
   * @param limit the rule, such as {@code "1..15 seconds"}
   * @param given what the request had, already shortened if long (may be {@code null})
   * @param message a full sentence saying what to change
   */
  public static Violation of(String field, String limit, String given, String message) {
    if (field == null) throw new NullPointerException("field == null");
    if (limit == null) throw new NullPointerException("limit == null");
    if (message == null) throw new NullPointerException("message == null");
    return new Violation(field, limit, given, message);
  }

  public String field() {
    return field;
  }

  public String limit() {
    return limit;
  }

  /** What the request had, or {@code null} when the problem is a missing value. */
  public String given() {
    return given;
  }

  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Violation)) return false;
    Violation v = (Violation) o;
    return field.equals(v.field)
        && limit.equals(v.limit)
        && Objects.equals(given, v.given)
        && message.equals(v.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, limit, given, message);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
