package io.github.pixverse4j.client.provider;

import io.github.pixverse4j.api.VideoApiException;

/**
 * What a provider's {@link io.github.pixverse4j.client.VideoProvider#submit} reports when an answer
 * that would otherwise leave the outcome unknown (a 500) is documented by the provider to mean that
 * no job was created, such as the v3 async APIs' {@code CREATE_TASK_FAILED}. The engine passes
 * {@link #answer()} to the caller as it is, instead of {@link
 * io.github.pixverse4j.api.SubmitOutcomeUnknownException}, and does not resend the submit. Use it
 * only where the provider's documentation says so, and cite it in the provider's README.
 */
public final class NoJobCreatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final VideoApiException answer;

  public NoJobCreatedException(VideoApiException answer) {
    super(answer == null ? null : answer.getMessage(), answer, false, false);
    if (answer == null) throw new NullPointerException("answer == null");
    this.answer = answer;
  }

  /** The exception the caller gets. */
  public VideoApiException answer() {
    return answer;
  }
}
