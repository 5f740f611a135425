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
  /**
   * A 429 whose HTTP-date Retry-After is one second after the answer's Date, an hour behind ours.
   */
  SKEWED_DATE("429 + Retry-After HTTP-date, server clock 1 h behind", true),
  /**
   * Download of a finished task: the media body stops before its Content-Length; the host serves
   * Range.
   */
  MEDIA_CUT_RANGE("video cut short, host answers Range with 206", true),
  /** As {@link #MEDIA_CUT_RANGE}, but the host ignores Range and answers the whole video again. */
  MEDIA_CUT_NO_RANGE("video cut short, host ignores Range", true),
  /**
   * Download of a finished task: the body is cut, and the host answers the resume's {@code Range}
   * with a 206 for other bytes than asked (issue 25).
   */
  WRONG_CONTENT_RANGE("video cut short, host answers Range with other bytes", true),
  /** Download: a 200 login page without {@code Content-Type} instead of the video (issue 25). */
  UNTYPED_PAGE("200 HTML page without a content type", false),
  /**
   * Download of a finished task whose size the provider declared: a complete, well-framed answer
   * with half the video (issue 25).
   */
  DECLARED_SIZE_SHORT("complete answer of half the declared size", true),
  /**
   * A well-framed answer whose body comes one byte every {@link FaultMatrixTest#TRICKLE_PER_BYTE}:
   * never silent long enough for a read timeout (issue 25). Downloads only: the API answers' body
   * bound (30 s, {@code BodyLimitInterceptor}) cannot be set through a provider's builder.
   */
  TRICKLE("body trickles, one byte at a time", false),
  /** {@code 204 No Content}: no body, so no task id or status (issue 25). */
  NO_CONTENT("204 No Content", true),
  /** The submit answer carries a task id that is not a path segment: {@code ../a/b} (issue 25). */
  HOSTILE_TASK_ID("hostile task id in the submit answer", false),
  /** Download: the media host refuses the (expired) URL once. */
  URL_EXPIRED_403("expired video URL: 403", true),
  URL_EXPIRED_404("expired video URL: 404", true),
  URL_EXPIRED_410("expired video URL: 410", true),
  /** The task is cancelled outside this client; the provider's status or result says so. */
  CANCELLED_ELSEWHERE("cancelled elsewhere", false),
  /** {@code cancel} of a task that has already SUCCEEDED. */
  TASK_ENDED("cancel after the task ended", false),
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
    return this == RATE_LIMITED_SECONDS || this == RATE_LIMITED_DATE || this == SKEWED_DATE;
  }

  /** How many calls a transient fault hits: an expired URL is refused once, then refreshed. */
  int transientCalls() {
    return isExpiredUrl() ? 1 : TRANSIENT_CALLS;
  }

  boolean isExpiredUrl() {
    return this == URL_EXPIRED_403 || this == URL_EXPIRED_404 || this == URL_EXPIRED_410;
  }

  /**
   * Faults of a download of a task that the cell first generates (the others download a bare URL).
   */
  boolean downloadsTask() {
    return isExpiredUrl()
        || this == MEDIA_CUT_RANGE
        || this == MEDIA_CUT_NO_RANGE
        || this == WRONG_CONTENT_RANGE
        || this == DECLARED_SIZE_SHORT;
  }

  /**
   * Faults that are a scenario of the job rather than an answer of one endpoint: none is resent.
   */
  boolean isScenario() {
    return this == CANCELLED_ELSEWHERE || this == TASK_ENDED;
  }

  /** Faults after which the design allows a submit to be sent again: it provably made no job. */
  boolean provesSubmitNotAccepted() {
    return this == REFUSED
        || this == RATE_LIMITED_SECONDS
        || this == RATE_LIMITED_DATE
        || this == RATE_LIMITED_BARE
        || this == HTTP_503;
  }
}
