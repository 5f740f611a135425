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

  /*
   * Each command lists the codes it can return in its help ("exitCodeList" of its @Command, with
   * HEADING as "exitCodeListHeading"): a new command declares its own list from the entries below.
   * ExitCodesTest checks that every command has one, with USAGE_TEXT: any command line picocli
   * cannot read (an unknown option, say) exits 2.
   */
  static final String HEADING = "%nExit codes:%n";
  static final String VIDEO_SAVED = "  0:video generated (and downloaded unless --no-download)";
  static final String VIDEO_DOWNLOADED = "  0:video downloaded";
  static final String STATUS_PRINTED = "  0:status printed (the task succeeded or is still going)";
  static final String CANCEL_REQUESTED = "  0:cancellation requested";
  static final String LISTED = "  0:list printed";
  static final String ALL_DELIVERED =
      "  0:every task resumed was delivered (or there was nothing to resume)";
  static final String SCRIPT_PRINTED = "  0:script printed";
  static final String OTHER_TEXT = "  1:anything else (network trouble, unreadable answers, ...)";
  static final String USAGE_TEXT = "  2:usage error or invalid request (nothing was sent)";
  static final String AUTH_TEXT = "  3:authentication or permission problem";
  static final String CREDITS_TEXT = "  4:insufficient credits, or rate limited beyond retries";
  static final String TASK_FAILED_TEXT =
      "  5:the task failed (including moderation; the category is printed)";
  static final String TIMEOUT_TEXT =
      "  6:timed out (the task may still finish: the token is printed)";
  static final String CANCELLED_TEXT = "  7:the task was cancelled";
  static final String ALREADY_ENDED_TEXT =
      "  8:cancel came too late: the task had already ended (its final state is printed)";
  static final String INTERRUPTED_TEXT =
      "130:interrupted (Ctrl-C); the task goes on at the provider";

  /** The error-ending codes every command that talks to a provider can return. */
  static final String[] PROVIDER_ERRORS = {OTHER_TEXT, USAGE_TEXT, AUTH_TEXT, CREDITS_TEXT};

  private ExitCodes() {}

  /**
   * The code for an error that ended a command. Once a task exists something was sent, so what
   * would otherwise be a usage error (2, "nothing was sent") is 1.
   */
  static int forError(Throwable e, boolean taskExists) {
    int code = forError(e);
    return taskExists && code == USAGE ? OTHER : code;
  }

  static int forError(Throwable e) {
    if (e instanceof InvalidRequestException
        || e instanceof UnsupportedFeatureException
        || e instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (e instanceof AuthenticationException) return AUTH;
    if (e instanceof InsufficientCreditsException || e instanceof RateLimitedException)
      return CREDITS_OR_RATE;
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
