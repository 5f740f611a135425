package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ContentRejectedException;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskAlreadyEndedException;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.UnsupportedFeatureException;

/** The command's exit codes; documented in {@code --help} and the README. */
final class ExitCodes {
  static final int OK = 0;
  static final int OTHER = 1;
  static final int USAGE = 2;
  static final int AUTH = 3;
  static final int CREDITS_OR_RATE = 4;
  static final int TASK_FAILED = 5;
  static final int TIMEOUT = 6;
  static final int CANCELLED = 7;
  static final int ALREADY_ENDED = 8;
  static final int INTERRUPTED = 130;

  static final String HELP = "%nExit codes:%n"
      + "  0  video generated (and downloaded unless --no-download)%n"
      + "  1  anything else (network trouble, unreadable answers, ...)%n"
      + "  2  usage error or invalid request (nothing was sent)%n"
      + "  3  authentication or permission problem%n"
      + "  4  insufficient credits, or rate limited beyond retries%n"
      + "  5  the task failed (including moderation; the category is printed)%n"
      + "  6  timed out (the task may still finish: the handle is printed)%n"
      + "  7  the task was cancelled%n"
      + "  8  cancel came too late: the task had already ended (its final state is printed)%n"
      + "  130 interrupted (Ctrl-C); the task goes on at the provider%n";

  private ExitCodes() {}

  static int forError(Throwable e) {
    if (e instanceof InvalidRequestException || e instanceof UnsupportedFeatureException
        || e instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (e instanceof AuthenticationException) return AUTH;
    if (e instanceof InsufficientCreditsException || e instanceof RateLimitedException) return CREDITS_OR_RATE;
    if (e instanceof ContentRejectedException) return TASK_FAILED;
    if (e instanceof TaskTimeoutException) return TIMEOUT;
    if (e instanceof TaskAlreadyEndedException) return ALREADY_ENDED;
    return OTHER;
  }

  static int forTerminal(TaskState state) {
    switch (state) {
      case SUCCEEDED:
        return OK;
      case CANCELLED:
        return CANCELLED;
      default:
        return TASK_FAILED;
    }
  }
}
