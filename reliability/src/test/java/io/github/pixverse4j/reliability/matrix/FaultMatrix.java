package io.github.pixverse4j.reliability.matrix;

import static io.github.pixverse4j.reliability.matrix.Cell.JobExists.MAYBE;
import static io.github.pixverse4j.reliability.matrix.Cell.JobExists.NO;
import static io.github.pixverse4j.reliability.matrix.Cell.JobExists.NOT_APPLICABLE;
import static io.github.pixverse4j.reliability.matrix.Cell.JobExists.YES;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.InsufficientCreditsException;
import io.github.pixverse4j.api.MalformedResponseException;
import io.github.pixverse4j.api.ProviderUnavailableException;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskAlreadyEndedException;
import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.UnsupportedFeatureException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.reliability.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The fault matrix: every provider × phase × fault with its expected outcome, written from the
 * documented behaviour (docs/client.md's error table, SECURITY.md, the provider READMEs), not read
 * back from the code. {@link FaultMatrixTest} runs each cell; {@link ReliabilityDoc} renders them.
 */
final class FaultMatrix {
  private FaultMatrix() {}

  // What the user should do, shared by many cells.
  static final String NOTHING = "nothing: the client recovered";
  static final String CHECK_DASHBOARD =
      "do not resubmit blindly: the job may be running and billed;"
          + " check the provider's dashboard first";
  static final String RESUBMIT_LATER = "no job was created: submit again later";
  static final String FIX_KEY_SUBMIT =
      "fix the API key or its permissions, then submit again (no job was created)";
  static final String TOP_UP_SUBMIT = "top up the account, then submit again (no job was created)";
  static final String FIX_KEY_WATCH =
      "fix the API key, then `watch(handle)`: the task keeps running";
  static final String TOP_UP_WATCH = "top up the account, then `watch(handle)`";
  static final String WATCH_LATER = "`watch(handle)` again later; report it if it persists";
  static final String UPGRADE =
      "`watch(handle)` again later; report it: the provider has a status this"
          + " version does not know (never guessed)";
  static final String CANCEL_AGAIN = "`cancel(handle)` again later: the task may still be running";
  static final String FIX_KEY_CANCEL = "fix the API key, then `cancel(handle)` again";
  static final String TOP_UP_CANCEL = "top up the account, then `cancel(handle)` again";
  static final String CANCEL_2XX =
      "nothing: a 2xx answer counts as accepted whatever its body;"
          + " the status stream shows the final state";
  static final String DOWNLOAD_AGAIN = "download again; nothing partial was left behind";
  static final String DOWNLOAD_WAIT = "wait `retryAfter()` if given, then download again";
  static final String CANCELLED_BY_OTHERS =
      "nothing: someone else cancelled the task (exit 7);"
          + " submit again if you still want the video";
  static final String ALREADY_ENDED =
      "nothing was cancelled and its cost is spent: the task had"
          + " SUCCEEDED, download its video";
  static final String FRESH_URL =
      "read `status(handle)` for a fresh video URL, then download again";

  /** Every cell, in table order. */
  static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (Provider p : Provider.values()) {
      for (Phase phase : Phase.values()) {
        if (phase == Phase.CANCEL && !p.cancelCall) {
          cells.add(
              new Cell(
                  p,
                  phase,
                  FaultKind.ANY,
                  false,
                  false,
                  UnsupportedFeatureException.class,
                  YES,
                  1,
                  "nothing to do: " + p.id + " has no cancel; the task runs to its end",
                  "fails at once without a request"));
          continue;
        }
        if (!phases(p).contains(phase)) continue;
        for (FaultKind f : FaultKind.values()) {
          if (f == FaultKind.ANY) continue;
          if (!applies(p, phase, f)) continue;
          if ((f == FaultKind.ACCEPTED_EMPTY || f == FaultKind.TRUNCATED_JSON)
              && phase != Phase.STATUS
              && phase != Phase.RESULT) {
            continue;
          }
          cells.add(cell(p, phase, f));
        }
      }
    }
    return Collections.unmodifiableList(cells);
  }

  /** The phases of a generate at {@code p}: its endpoints, then cancel and download. */
  private static Set<Phase> phases(Provider p) {
    Set<Phase> phases = EnumSet.of(Phase.CANCEL, Phase.DOWNLOAD);
    for (Phase phase : Phase.values()) {
      if (p.endpoints.contains(phase.endpoint)) phases.add(phase);
    }
    return phases;
  }

  /**
   * Where the faults that belong to one phase (or one provider's way of saying something) apply.
   */
  private static boolean applies(Provider p, Phase phase, FaultKind f) {
    switch (f) {
      case UNKNOWN_STATUS:
      case SKEWED_DATE:
        return phase == Phase.STATUS;
      case DECLARED_SIZE_SHORT:
        // Only an answer that declares the video's size (PixVerse `size`, the queue family's
        // `video.file_size`) lets a client tell half a video from a whole one.
        return phase == Phase.DOWNLOAD && (p == Provider.PIXVERSE || p == Provider.ODIROUTER);
      case MEDIA_CUT_RANGE:
      case MEDIA_CUT_NO_RANGE:
      case WRONG_CONTENT_RANGE:
      case UNTYPED_PAGE:
      case URL_EXPIRED_403:
      case URL_EXPIRED_404:
      case URL_EXPIRED_410:
        return phase == Phase.DOWNLOAD;
      case CANCELLED_ELSEWHERE:
        // Where the protocol reports the cancellation (OdiRouter: its result call, the status reads
        // COMPLETED); not at all when it cannot tell it from a failure (PixVerse's status 8).
        return p.cancelledOutcome && phase.endpoint.equals(p.terminalEndpoint());
      case TASK_ENDED:
        return phase == Phase.CANCEL;
      case TRICKLE:
        return phase == Phase.DOWNLOAD;
      case NO_CONTENT:
        return phase == Phase.SUBMIT || phase == Phase.STATUS;
      case HOSTILE_TASK_ID:
        return phase == Phase.SUBMIT;
      default:
        return true;
    }
  }

  private static Cell cell(Provider p, Phase phase, FaultKind f) {
    switch (phase) {
      case UPLOAD:
        return upload(p, f);
      case SUBMIT:
        return submit(p, f);
      case STATUS:
      case RESULT:
        return poll(p, phase, f);
      case CANCEL:
        return cancel(p, f);
      case DOWNLOAD:
        return download(p, f);
      default:
        throw new AssertionError(phase);
    }
  }

  /** The first request of a generate: only what provably made no job is sent again. */
  private static Cell submit(Provider p, FaultKind f) {
    switch (f) {
      case REFUSED:
      case RATE_LIMITED_SECONDS:
      case RATE_LIMITED_DATE:
      case RATE_LIMITED_BARE:
      case HTTP_503:
        return completes(p, Phase.SUBMIT, f, 1, "the provider provably did not take the submit");
      case RESET_BEFORE_RESPONSE:
      case RESET_MID_BODY:
      case SLOW:
        // The simulator processed the submit (a job exists), but the answer was lost.
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            1,
            CHECK_DASHBOARD,
            "sent once; here the job does exist");
      case HTTP_500:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            0,
            CHECK_DASHBOARD,
            "the server may have created the job before failing");
      case HTTP_502:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            0,
            CHECK_DASHBOARD,
            "a gateway error says nothing about the origin");
      case HTTP_401:
      case HTTP_403:
        return fails(
            p, Phase.SUBMIT, f, false, AuthenticationException.class, NO, 0, FIX_KEY_SUBMIT, "");
      case INSUFFICIENT_CREDITS:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            InsufficientCreditsException.class,
            NO,
            0,
            TOP_UP_SUBMIT,
            "");
      case MALFORMED_JSON:
      case EMPTY_BODY:
      case HTML_PAGE:
      case OVERSIZED_BODY:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            0,
            CHECK_DASHBOARD,
            "a 200 the client cannot read may still have created the job");
      case NO_CONTENT:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            1,
            CHECK_DASHBOARD,
            "the job was created, the 204 names no task: sent once");
      case HOSTILE_TASK_ID:
        return fails(
            p,
            Phase.SUBMIT,
            f,
            false,
            SubmitOutcomeUnknownException.class,
            MAYBE,
            1,
            CHECK_DASHBOARD,
            "the id is refused before it reaches a URL: no request names it");
      default:
        throw new AssertionError(f);
    }
  }

  /**
   * PixVerse's image upload before the generate call: no video job can exist yet, so a lost upload
   * answer is safe to resend.
   */
  private static Cell upload(Provider p, FaultKind f) {
    switch (f) {
      case REFUSED:
      case RESET_BEFORE_RESPONSE:
      case RESET_MID_BODY:
      case SLOW:
      case RATE_LIMITED_SECONDS:
      case RATE_LIMITED_DATE:
      case RATE_LIMITED_BARE:
      case HTTP_502:
      case HTTP_503:
        return completes(
            p, Phase.UPLOAD, f, 1, "an upload creates no job, so it is safe to resend");
      case HTTP_500:
        return fails(
            p,
            Phase.UPLOAD,
            f,
            false,
            ProviderUnavailableException.class,
            NO,
            0,
            RESUBMIT_LATER,
            "");
      case HTTP_401:
      case HTTP_403:
        return fails(
            p, Phase.UPLOAD, f, false, AuthenticationException.class, NO, 0, FIX_KEY_SUBMIT, "");
      case INSUFFICIENT_CREDITS:
        return fails(
            p,
            Phase.UPLOAD,
            f,
            false,
            InsufficientCreditsException.class,
            NO,
            0,
            TOP_UP_SUBMIT,
            "");
      case MALFORMED_JSON:
      case EMPTY_BODY:
      case HTML_PAGE:
        return fails(
            p,
            Phase.UPLOAD,
            f,
            false,
            VideoApiException.class,
            NO,
            0,
            "report it if it persists: the upload answer was unreadable (no job was created)",
            "");
      case OVERSIZED_BODY:
        return fails(
            p,
            Phase.UPLOAD,
            f,
            true,
            TransportException.class,
            NO,
            0,
            RESUBMIT_LATER,
            "treated as a lost upload answer");
      default:
        throw new AssertionError(f);
    }
  }

  /**
   * Status polls (and OdiRouter's result call, made once the status says COMPLETED): every
   * transient failure is read again until the deadline.
   */
  private static Cell poll(Provider p, Phase phase, FaultKind f) {
    switch (f) {
      case REFUSED:
      case RESET_BEFORE_RESPONSE:
      case RESET_MID_BODY:
      case SLOW:
      case RATE_LIMITED_SECONDS:
      case RATE_LIMITED_DATE:
      case RATE_LIMITED_BARE:
      case HTTP_500:
      case HTTP_502:
      case HTTP_503:
        return completes(p, phase, f, 1, "");
      case SKEWED_DATE:
        return completes(
            p, phase, f, 1, "the wait is measured against the answer's Date, not the local clock");
      case CANCELLED_ELSEWHERE:
        return new Cell(
            p,
            phase,
            f,
            true,
            false,
            null,
            YES,
            1,
            CANCELLED_BY_OTHERS,
            phase == Phase.RESULT
                ? "the status reads COMPLETED, the result says the request was cancelled"
                : "the provider's own cancelled status value or reason");
      case HTTP_401:
      case HTTP_403:
        return fails(p, phase, f, false, AuthenticationException.class, YES, 1, FIX_KEY_WATCH, "");
      case INSUFFICIENT_CREDITS:
        return fails(
            p, phase, f, false, InsufficientCreditsException.class, YES, 1, TOP_UP_WATCH, "");
      case MALFORMED_JSON:
      case EMPTY_BODY:
      case HTML_PAGE:
      case ACCEPTED_EMPTY:
      case TRUNCATED_JSON:
      case NO_CONTENT:
        return completes(p, phase, f, 1, "a 2xx that is not JSON comes from a gateway: read again");
      case OVERSIZED_BODY:
        return fails(
            p,
            phase,
            f,
            false,
            TransportException.class,
            YES,
            1,
            WATCH_LATER,
            "an answer over the cap is hostile or broken: not read again");
      case UNKNOWN_STATUS:
        return fails(p, phase, f, false, MalformedResponseException.class, YES, 1, UPGRADE, "");
      default:
        throw new AssertionError(f);
    }
  }

  /** OdiRouter's cancel of a queued task (after a clean submit). */
  private static Cell cancel(Provider p, FaultKind f) {
    switch (f) {
      case REFUSED:
      case RESET_BEFORE_RESPONSE:
      case RESET_MID_BODY:
      case SLOW:
      case RATE_LIMITED_SECONDS:
      case RATE_LIMITED_DATE:
      case RATE_LIMITED_BARE:
      case HTTP_500:
      case HTTP_502:
      case HTTP_503:
        return completes(p, Phase.CANCEL, f, 1, "cancelling twice is harmless");
      case TASK_ENDED:
        return fails(
            p,
            Phase.CANCEL,
            f,
            false,
            TaskAlreadyEndedException.class,
            YES,
            1,
            ALREADY_ENDED,
            "the status is read first; no cancel request is sent");
      case HTTP_401:
      case HTTP_403:
        return fails(
            p, Phase.CANCEL, f, false, AuthenticationException.class, YES, 1, FIX_KEY_CANCEL, "");
      case INSUFFICIENT_CREDITS:
        return fails(
            p,
            Phase.CANCEL,
            f,
            false,
            InsufficientCreditsException.class,
            YES,
            1,
            TOP_UP_CANCEL,
            "");
      case MALFORMED_JSON:
      case EMPTY_BODY:
      case HTML_PAGE:
        return new Cell(
            p,
            Phase.CANCEL,
            f,
            true,
            false,
            null,
            YES,
            1,
            CANCEL_2XX,
            "the 200 answer's body is not checked");
      case OVERSIZED_BODY:
        return fails(
            p,
            Phase.CANCEL,
            f,
            false,
            TransportException.class,
            YES,
            1,
            CANCEL_AGAIN,
            "an answer over the cap is not read again");
      default:
        throw new AssertionError(f);
    }
  }

  /** Downloading the finished video from the media host: transient failures are retried. */
  private static Cell download(Provider p, FaultKind f) {
    switch (f) {
      case REFUSED:
      case RESET_BEFORE_RESPONSE:
      case SLOW:
      case RATE_LIMITED_SECONDS:
      case RATE_LIMITED_DATE:
      case RATE_LIMITED_BARE:
      case HTTP_500:
      case HTTP_502:
      case HTTP_503:
        return completes(p, Phase.DOWNLOAD, f, 0, "");
      case RESET_MID_BODY:
        return completes(
            p,
            Phase.DOWNLOAD,
            f,
            0,
            "resumed with Range where the host answers 206, else restarted from zero");
      case MEDIA_CUT_RANGE:
        return completes(
            p,
            Phase.DOWNLOAD,
            f,
            1,
            "resumed from the bytes on disk with `Range: bytes=<n>-`; the exact bytes are checked");
      case MEDIA_CUT_NO_RANGE:
        return completes(
            p, Phase.DOWNLOAD, f, 1, "restarted from zero on the 200; the exact bytes are checked");
      case WRONG_CONTENT_RANGE:
        return completes(
            p,
            Phase.DOWNLOAD,
            f,
            1,
            "the 206 for other bytes is never written: the next attempt fetches the whole video;"
                + " the exact bytes are checked");
      case DECLARED_SIZE_SHORT:
        return completes(
            p,
            Phase.DOWNLOAD,
            f,
            1,
            "half the declared size is a failed transfer, retried; the exact bytes are checked");
      case TRICKLE:
        return fails(
            p,
            Phase.DOWNLOAD,
            f,
            false,
            TransportException.class,
            NOT_APPLICABLE,
            0,
            DOWNLOAD_AGAIN,
            "the policy's deadline (here "
                + FaultMatrixTest.TRICKLE_DEADLINE.toMillis()
                + " ms) bounds the"
                + " body too; the one attempt runs into it");
      case UNTYPED_PAGE:
        return fails(
            p,
            Phase.DOWNLOAD,
            f,
            false,
            VideoApiException.class,
            NOT_APPLICABLE,
            0,
            FRESH_URL,
            "its first bytes are not a video container (MP4 ftyp, WebM EBML, ...)");
      case URL_EXPIRED_403:
      case URL_EXPIRED_404:
      case URL_EXPIRED_410:
        return completes(
            p,
            Phase.DOWNLOAD,
            f,
            1,
            "`download(status, target)` reads the status once for a fresh URL");
      case HTTP_401:
      case HTTP_403:
      case INSUFFICIENT_CREDITS:
        return fails(
            p,
            Phase.DOWNLOAD,
            f,
            false,
            VideoApiException.class,
            NOT_APPLICABLE,
            0,
            FRESH_URL,
            "the URL may have expired");
      case MALFORMED_JSON:
      case EMPTY_BODY:
      case HTML_PAGE:
        return fails(
            p,
            Phase.DOWNLOAD,
            f,
            false,
            VideoApiException.class,
            NOT_APPLICABLE,
            0,
            FRESH_URL,
            "a 200 page or empty body is not a video (was finding F1)");
      case OVERSIZED_BODY:
        return new Cell(
            p,
            Phase.DOWNLOAD,
            f,
            true,
            false,
            null,
            NOT_APPLICABLE,
            0,
            "nothing: videos are streamed to disk, not capped",
            "a 3 MiB video, exact bytes");
      default:
        throw new AssertionError(f);
    }
  }

  private static Cell completes(Provider p, Phase phase, FaultKind f, int simJobs, String note) {
    return new Cell(
        p,
        phase,
        f,
        false,
        true,
        null,
        phase == Phase.DOWNLOAD ? NOT_APPLICABLE : YES,
        simJobs,
        NOTHING,
        note);
  }

  private static Cell fails(
      Provider p,
      Phase phase,
      FaultKind f,
      boolean retried,
      Class<? extends VideoApiException> error,
      Cell.JobExists job,
      int simJobs,
      String action,
      String note) {
    return new Cell(p, phase, f, !f.transientByNature, retried, error, job, simJobs, action, note);
  }
}
