package io.github.pixverse4j.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The request breaks the provider's limits. When the client found the problems itself, nothing was
 * sent and no credits were used; {@link #violations()} lists every problem at once.
 */
public class InvalidRequestException extends VideoApiException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  public InvalidRequestException(List<Violation> violations, ErrorDetails details) {
    super(describe(violations), details, null);
    this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
  }

  /** A rejection by the provider, with its own message. */
  public InvalidRequestException(String message, List<Violation> violations, ErrorDetails details) {
    super(message, details, null);
    this.violations = Collections.unmodifiableList(new ArrayList<>(violations));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    if (violations == null) throw new NullPointerException("violations == null");
    StringBuilder b = new StringBuilder("Invalid request (nothing was sent): ");
    for (int i = 0; i < violations.size(); i++) {
      if (i > 0) b.append("; ");
      b.append(violations.get(i).message());
    }
    return b.toString();
  }
}
