package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.internal.Failures;
import java.time.Duration;

/**
 * What is known about a failure, as the details of the {@code ApplicationFailure} an activity or
 * the workflow fails with ({@code failure.getDetails().get(FailureInfo.class)}). The failure's type
 * is the simple name of the pixverse4j exception, such as {@code "SubmitOutcomeUnknownException"};
 * see {@link VideoFailureTypes}.
 */
public final class FailureInfo {
  private String providerId;
  private Integer httpStatus;
  private String providerCode;
  private String handleToken;
  private Long retryAfterMillis;
  private boolean submitProvablyNotAccepted;
  private boolean requestMayHaveReachedServer;
  private TaskStatusView lastStatus;

  /** For the JSON converter. */
  public FailureInfo() {}

  /** A failure before anything was sent to {@code providerId}. */
  public static FailureInfo nothingSent(String providerId) {
    FailureInfo f = new FailureInfo();
    f.providerId = providerId;
    f.requestMayHaveReachedServer = false;
    return f;
  }

  /** Everything {@code e} tells. */
  public static FailureInfo from(VideoApiException e) {
    FailureInfo f = new FailureInfo();
    f.providerId = e.providerId().orElse(null);
    f.httpStatus = e.httpStatus().orElse(null);
    f.providerCode = e.providerCode().orElse(null);
    f.handleToken = e.handle().map(h -> h.token()).orElse(null);
    if (e instanceof RateLimitedException) {
      f.retryAfterMillis =
          ((RateLimitedException) e).retryAfter().map(Duration::toMillis).orElse(null);
    }
    f.submitProvablyNotAccepted = Failures.submitProvablyNotAccepted(e);
    f.requestMayHaveReachedServer =
        !(e instanceof TransportException)
            || ((TransportException) e).requestMayHaveReachedServer();
    return f;
  }

  public String getProviderId() {
    return providerId;
  }

  public void setProviderId(String providerId) {
    this.providerId = providerId;
  }

  public Integer getHttpStatus() {
    return httpStatus;
  }

  public void setHttpStatus(Integer httpStatus) {
    this.httpStatus = httpStatus;
  }

  public String getProviderCode() {
    return providerCode;
  }

  public void setProviderCode(String providerCode) {
    this.providerCode = providerCode;
  }

  /** The task's handle token once the provider had accepted one, else {@code null}. */
  public String getHandleToken() {
    return handleToken;
  }

  public void setHandleToken(String handleToken) {
    this.handleToken = handleToken;
  }

  public Long getRetryAfterMillis() {
    return retryAfterMillis;
  }

  public void setRetryAfterMillis(Long retryAfterMillis) {
    this.retryAfterMillis = retryAfterMillis;
  }

  /**
   * For a submit: whether the provider provably created no job (connection refused before sending,
   * 429 or 503 answered), the engine's rule for when a submit may be sent again.
   */
  public boolean isSubmitProvablyNotAccepted() {
    return submitProvablyNotAccepted;
  }

  public void setSubmitProvablyNotAccepted(boolean v) {
    this.submitProvablyNotAccepted = v;
  }

  public boolean isRequestMayHaveReachedServer() {
    return requestMayHaveReachedServer;
  }

  public void setRequestMayHaveReachedServer(boolean v) {
    this.requestMayHaveReachedServer = v;
  }

  /** The last status the workflow saw, when it had seen one. */
  public TaskStatusView getLastStatus() {
    return lastStatus;
  }

  public void setLastStatus(TaskStatusView lastStatus) {
    this.lastStatus = lastStatus;
  }

  @Override
  public String toString() {
    return "FailureInfo{provider="
        + providerId
        + ", http="
        + httpStatus
        + ", code="
        + providerCode
        + ", handle="
        + handleToken
        + "}";
  }
}
