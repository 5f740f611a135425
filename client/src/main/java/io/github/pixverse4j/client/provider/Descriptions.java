package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.client.http.ApiKey;
import io.github.pixverse4j.client.http.AuthInterceptor;
import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * The checks and defaults every protocol family's configuration ({@code QueueProtocol}, {@code
 * PollProtocol}) applies to its settings, written once.
 */
public final class Descriptions {
  private Descriptions() {}

  /**
   * {@code value}, checked.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank
   */
  public static String nonEmpty(String value, String name) {
    if (value == null) throw new NullPointerException(name + " == null");
    if (value.trim().isEmpty()) throw new IllegalArgumentException(name + " is empty");
    return value;
  }

  /**
   * A path relative to a base URL, checked.
   *
   * @throws IllegalArgumentException if it is empty, starts or ends with {@code /}, or has a query
   *     or fragment
   */
  public static String relativePath(String value, String name) {
    nonEmpty(value, name);
    if (value.startsWith("/")
        || value.endsWith("/")
        || value.contains("?")
        || value.contains("#")) {
      throw new IllegalArgumentException(
          name
              + " must be a relative path without a leading or trailing '/', query or fragment: "
              + value);
    }
    return value;
  }

  /**
   * An {@code Authorization} scheme, checked as {@link AuthInterceptor#authorization} would.
   *
   * @throws IllegalArgumentException if it is not an HTTP token
   */
  public static String authScheme(String scheme) {
    if (scheme == null) throw new NullPointerException("authScheme == null");
    AuthInterceptor.authorization(
        scheme, ApiKey.of("check-scheme-only"), HttpUrl.get("https://example.invalid/"));
    return scheme;
  }

  /** The default key variable of a provider: {@code <PROVIDER_ID>_API_KEY}, dashes as {@code _}. */
  public static String defaultKeyVariable(String providerId) {
    return providerId.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY";
  }

  /**
   * {@code capabilities}, checked to be {@code providerId}'s.
   *
   * @throws IllegalStateException if it is null or names another provider
   */
  public static ProviderCapabilities capabilitiesOf(
      ProviderCapabilities capabilities, String providerId) {
    if (capabilities == null) throw new IllegalStateException("capabilities is not set");
    if (!capabilities.providerId().equals(providerId)) {
      throw new IllegalStateException(
          "capabilities are for provider '"
              + capabilities.providerId()
              + "', not '"
              + providerId
              + "'");
    }
    return capabilities;
  }
}
