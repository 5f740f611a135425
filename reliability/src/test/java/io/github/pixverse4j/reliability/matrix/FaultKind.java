package io.github.pixverse4j.reliability.matrix;

/**
 * The faults of the matrix. A fault that is transient by nature is injected for the first {@link
 * #TRANSIENT_CALLS} calls of the phase's endpoint, so that a client that retries it completes; a
 * permanent one is injected on every call.
 */
enum FaultKind {
  REFUSED("connection refused", true),
  RESET_BEFORE_RESPONSE("reset before response", true),
  RESET_MID_BODY("reset mid-body", true),
  SLOW("slow response past the call timeout", true),
  RATE_LIMITED_SECONDS("429 + Retry-After seconds", true),
  RATE_LIMITED_DATE("429 + Retry-After HTTP-date", true),
  RATE_LIMITED_BARE("429 without Retry-After", true),
  HTTP_500("500", true),
  HTTP_502("502", true),
  HTTP_503("503", true),
  HTTP_401("401", false),
  HTTP_403("403", false),
  INSUFFICIENT_CREDITS("insufficient credits", false),
  MALFORMED_JSON("malformed JSON", false),
  EMPTY_BODY("empty body", false),
  ACCEPTED_EMPTY("202 without a body", false),
  TRUNCATED_JSON("200 with cut-off JSON", false),
  HTML_PAGE("HTML error page", false),
  OVERSIZED_BODY("body over the size cap", false),
  UNKNOWN_STATUS("unknown status value", false),
  /** Only for the cancel row of providers without cancel: whatever the server would do. */
  ANY("any", false);

  static final int TRANSIENT_CALLS = 2;

  final String label;
  final boolean transientByNature;

  FaultKind(String label, boolean transientByNature) {
    this.label = label;
    this.transientByNature = transientByNature;
  }

  /** A 429 that names how long to wait. */
  boolean hasRetryAfter() {
    return this == RATE_LIMITED_SECONDS || this == RATE_LIMITED_DATE;
  }

  /** Faults after which the design allows a submit to be sent again: it provably made no job. */
  boolean provesSubmitNotAccepted() {
    return this == REFUSED || this == RATE_LIMITED_SECONDS || this == RATE_LIMITED_DATE
        || this == RATE_LIMITED_BARE || this == HTTP_503;
  }
}
