package io.github.pixverse4j.api;

import java.util.Optional;

/** What is known about where an error came from: provider, HTTP status, provider error code. */
public final class ErrorDetails {
  private static final ErrorDetails NONE = new ErrorDetails(null, null, null);

  private final String providerId;
  private final Integer httpStatus;
  private final String providerCode;

  private ErrorDetails(String providerId, Integer httpStatus, String providerCode) {
    this.providerId = providerId;
    this.httpStatus = httpStatus;
    this.providerCode = providerCode;
  }

  /** Nothing known. */
  public static ErrorDetails none() {
    return NONE;
  }

  /** Details naming only the provider. */
  public static ErrorDetails provider(String providerId) {
    return new ErrorDetails(providerId, null, null);
  }

  public ErrorDetails withHttpStatus(int status) {
    return new ErrorDetails(providerId, status, providerCode);
  }

  public ErrorDetails withProviderCode(String code) {
    return new ErrorDetails(providerId, httpStatus, code);
  }

  public Optional<String> providerId() {
    return Optional.ofNullable(providerId);
  }

  public Optional<Integer> httpStatus() {
    return Optional.ofNullable(httpStatus);
  }

  public Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }

  @Override
  public String toString() {
    return describe(true);
  }

  /** {@link #toString()}, leaving out the provider unless {@code withProvider}. */
  String describe(boolean withProvider) {
    StringBuilder b = new StringBuilder();
    if (providerId != null && withProvider) b.append("provider ").append(providerId);
    if (httpStatus != null) b.append(b.length() > 0 ? ", " : "").append("HTTP ").append(httpStatus);
    if (providerCode != null)
      b.append(b.length() > 0 ? ", " : "").append("code ").append(providerCode);
    return b.toString();
  }
}
