package io.github.pixverse4j.client;

/**
 * The message of a missing or blank API key, for {@link ClientConfig.Builder} and {@link
 * ClientBuilder}: it names the provider and the environment variable its key is read from (when the
 * builder knows its provider), so that {@code apiKey(System.getenv("GMI_API_KEY"))} with the
 * variable unset says what to set instead of failing with a bare {@code apiKey == null}.
 */
final class MissingApiKey {
  static final String NULL =
      "apiKey(..) was given null, which is what System.getenv returns for a"
          + " variable that is not set";
  static final String BLANK =
      "apiKey(..) was given a blank key (an environment variable set to" + " nothing?)";
  static final String NOT_GIVEN = "apiKey(..) was not called before build()";

  private MissingApiKey() {}

  /**
   * @param provider the provider whose key is missing, or {@code null} when the builder does not
   *     know it (a bare {@link ClientConfig#builder()})
   * @param what what happened: {@link #NULL}, {@link #BLANK} or {@link #NOT_GIVEN}
   */
  static String message(VideoProviderFactory provider, String what) {
    if (provider == null) {
      return "No API key: "
          + what
          + ". Pass the provider's API key to apiKey(..); the examples and"
          + " the pixverse4j command read it from the provider's environment variable, which its"
          + " VideoProviderFactory.apiKeyEnvironmentVariable() names (such as GMI_API_KEY)";
    }
    String variable = provider.apiKeyEnvironmentVariable();
    return "No API key for provider "
        + provider.id()
        + ": "
        + what
        + ". Create an API key in your"
        + " account with the provider ("
        + provider.displayName()
        + ") and set the environment"
        + " variable "
        + variable
        + " to it, which the examples (apiKey(System.getenv(\""
        + variable
        + "\"))) and the pixverse4j command read, or pass the key to apiKey(..) itself";
  }
}
