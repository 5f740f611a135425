package io.github.pixverse4j.reliability.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.RateLimitedException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every cell of {@link FaultMatrix}: injects the fault into the phase, runs the operation to
 * its end, and checks the cell's expectation plus the invariants that hold in every cell.
 *
 * <p>Invariants: (1) at most one job per generate, and a submit sent more than once only after a
 * fault that proves it was not accepted (refused, 429, 503); (2) the stream ends within {@link
 * #STREAM_BOUND_MS} with exactly one terminal event: completion, or a {@link VideoApiException}
 * that carries the task's handle once a task exists (and none before); (3) nothing the cell started
 * is left running: no OkHttp call, no timer, no thread (see {@link CellEnv}); (4) no partial file:
 * a download's directory holds the finished file or nothing.
 */
class FaultMatrixTest {
  static final long STREAM_BOUND_MS = 15_000;
  static final int OVERSIZED_BYTES = 3 * 1024 * 1024;

  /** Where a cut-short video body stops (the sample video is a few KiB). */
  static final int MEDIA_CUT_BYTES = 500;

  /** How slowly a trickling body comes: the sample video would take over a minute. */
  static final Duration TRICKLE_PER_BYTE = Duration.ofMillis(20);

  /** The polling policy's deadline in a trickle cell, which bounds the download's body. */
  static final Duration TRICKLE_DEADLINE = Duration.ofMillis(1500);

  /** The task id of the hostile-id cells: a path traversal and an extra segment. */
  static final String HOSTILE_ID = "../a/b";

  /**
   * All cells; {@code -Dmatrix.only=<regex>} runs only those whose name matches (e.g. {@code "gmi ·
   * status"}).
   */
  static Stream<Cell> cells() {
    String only = System.getProperty("matrix.only", "");
    Pattern filter = Pattern.compile(only.isEmpty() ? ".*" : only);
    return FaultMatrix.cells().stream().filter(c -> filter.matcher(c.toString()).find());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cell(Cell cell, @TempDir Path dir) throws Exception {
    SoftAssertions soft = new SoftAssertions();
    Run run;
    try (CellEnv env = new CellEnv(cell)) {
      run = new Run(cell, env, dir);
      run.execute();
      run.check(soft);
      soft.assertThat(env.nothingLeftRunning())
          .as("nothing left running once the stream ended")
          .isEmpty();
      run.checkJobs(soft);
      soft.assertThat(env.shutDown()).as("no thread left running").isEmpty();
    }
    run.checkFiles(soft);
    soft.assertAll();
  }

  /** One execution of a cell. */
  static final class Run {
    final Cell cell;
    final CellEnv env;
    final ProviderSimulator sim;
    final Path dir;
    final Path target;
    final Recorder<Object> rec = new Recorder<>();
    TaskHandle handle; // the task's handle, once a task exists
    int attemptsBeforeCancel;
    int statusReadsBeforeDownload;
    boolean ended;
    long elapsedNanos;

    Run(Cell cell, CellEnv env, Path dir) {
      this.cell = cell;
      this.env = env;
      this.sim = env.sim;
      this.dir = dir;
      this.target = dir.resolve("video.mp4");
    }

    static ImageToVideoRequest request() {
      return ImageToVideoRequest.builder()
          .image(ImageInput.url("https://example.com/images/cat.png"))
          .prompt("the cat turns its head and smiles")
          .build();
    }

    void execute() throws InterruptedException {
      if (cell.fault() == FaultKind.CANCELLED_ELSEWHERE && cell.phase() == Phase.STATUS) {
        sim.nextJobs(Lifecycle.builder().cancelled());
      } else if (cell.fault() == FaultKind.TASK_ENDED) {
        sim.nextJobs(Lifecycle.immediateSuccess());
      } else if (cell.fault() == FaultKind.MEDIA_CUT_RANGE
          || cell.fault() == FaultKind.WRONG_CONTENT_RANGE) {
        sim.mediaRanges(true);
      }
      inject();
      long start = System.nanoTime();
      switch (cell.phase()) {
        case UPLOAD:
        case SUBMIT:
        case STATUS:
        case RESULT:
          env.client.generate(request()).cast(Object.class).subscribe(rec);
          break;
        case CANCEL:
          handle = env.client.submit(request()).blockingGet();
          attemptsBeforeCancel = env.wire.totalAttempts();
          env.client.cancel(handle).subscribe(rec);
          break;
        case DOWNLOAD:
          if (cell.fault().downloadsTask()) {
            // The fault is on the media endpoint only, which generate does not touch.
            TaskStatus done = env.client.generate(request()).blockingLast();
            statusReadsBeforeDownload = env.wire.attempts("status");
            env.client.download(done, target).cast(Object.class).subscribe(rec);
            break;
          }
          String url =
              cell.fault() == FaultKind.OVERSIZED_BODY
                  ? sim.largeMediaUrl(OVERSIZED_BYTES)
                  : sim.videoUrl("job-1");
          env.client
              .download(Video.builder().url(URI.create(url)).build(), target)
              .cast(Object.class)
              .subscribe(rec);
          break;
        default:
          throw new AssertionError(cell.phase());
      }
      ended = rec.await(STREAM_BOUND_MS);
      elapsedNanos = System.nanoTime() - start;
    }

    private void inject() {
      FaultKind f = cell.fault();
      String endpoint = cell.phase().endpoint;
      if (f == FaultKind.ANY) return;
      if (f == FaultKind.REFUSED) {
        env.wire.refuse(endpoint, cell.always() ? Integer.MAX_VALUE : FaultKind.TRANSIENT_CALLS);
        return;
      }
      if (f == FaultKind.WRONG_CONTENT_RANGE) {
        // Cut, then a 206 for other bytes than the resume asks for; the third answer is whole.
        sim.faults()
            .on(endpoint)
            .call(1)
            .respond(
                Fault.dropMidBody(MEDIA_CUT_BYTES), Fault.wrongContentRange(MEDIA_CUT_BYTES / 5));
        return;
      }
      Fault fault = fault();
      if (fault == null) return;
      if (cell.always()) {
        sim.faults().on(endpoint).always(fault);
      } else {
        Fault[] first = new Fault[f.transientCalls()];
        Arrays.fill(first, fault);
        sim.faults().on(endpoint).call(1).respond(first);
      }
    }

    private Fault fault() {
      String trouble = "{\"error\":\"upstream trouble\"}";
      switch (cell.fault()) {
        case RESET_BEFORE_RESPONSE:
          return Fault.dropAfterRead();
        case RESET_MID_BODY:
          return cell.phase() == Phase.DOWNLOAD ? Fault.dropMidBody(500) : Fault.truncatedBody();
        case SLOW:
          return Fault.delay(CellEnv.SLOW_DELAY);
        case RATE_LIMITED_SECONDS:
          return Fault.status(429, "{\"error\":\"too many requests\"}")
              .withHeader("Retry-After", "1");
        case RATE_LIMITED_DATE:
          return Fault.status(429, "{\"error\":\"too many requests\"}")
              .withHeader(
                  "Retry-After",
                  DateTimeFormatter.RFC_1123_DATE_TIME.format(
                      ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30)));
        case RATE_LIMITED_BARE:
          return Fault.status(429, "{\"error\":\"too many requests\"}");
        case HTTP_500:
          return Fault.status(500, trouble);
        case HTTP_502:
          return Fault.status(502, trouble);
        case HTTP_503:
          return Fault.status(503, trouble);
        case HTTP_401:
          return Fault.status(401, "{\"error\":\"unauthorized\"}");
        case HTTP_403:
          return Fault.status(403, "{\"error\":\"forbidden\"}");
        case INSUFFICIENT_CREDITS:
          return cell.provider().insufficientCredits();
        case MALFORMED_JSON:
          return Fault.malformedJson();
        case EMPTY_BODY:
          return Fault.emptyBody(200);
        case ACCEPTED_EMPTY:
          return Fault.emptyBody(202);
        case TRUNCATED_JSON:
          return Fault.status(200, "{\"status\":\"IN_PROG").withContentType("application/json");
        case HTML_PAGE:
          return Fault.wrongContentType();
        case OVERSIZED_BODY:
          // Downloads are not capped: the cell fetches a large video instead of faulting.
          return cell.phase() == Phase.DOWNLOAD ? null : Fault.hugeBody(OVERSIZED_BYTES);
        case UNKNOWN_STATUS:
          return Fault.status(200, cell.provider().unknownStatusBody());
        case SKEWED_DATE:
          {
            // The simulator's JDK server always sends its own Date; Wire puts this one in its
            // place.
            ZonedDateTime serverNow = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1);
            return Fault.status(429, "{\"error\":\"too many requests\"}")
                .withHeader(
                    "Retry-After",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(serverNow.plusSeconds(1)))
                .withHeader(
                    Wire.SERVER_DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(serverNow));
          }
        case MEDIA_CUT_RANGE:
        case MEDIA_CUT_NO_RANGE:
          return Fault.dropMidBody(MEDIA_CUT_BYTES);
        case UNTYPED_PAGE:
          return Fault.untypedHtml();
        case DECLARED_SIZE_SHORT:
          return Fault.shortCompleteBody();
        case URL_EXPIRED_403:
        case URL_EXPIRED_404:
        case URL_EXPIRED_410:
          // What an object store answers for a presigned URL past its expiry.
          return Fault.status(
                  Integer.parseInt(cell.fault().name().substring("URL_EXPIRED_".length())),
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                      + "<Message>Request has expired</Message></Error>")
              .withContentType("application/xml");
        case CANCELLED_ELSEWHERE:
          // OdiRouter's result of a request cancelled elsewhere (its STATUS rows use the job's
          // script).
          return cell.phase() == Phase.RESULT
              ? Fault.status(400, "{\"detail\":\"Request was cancelled\"}")
              : null;
        case TASK_ENDED:
          return null;
        case TRICKLE:
          return Fault.trickle(TRICKLE_PER_BYTE);
        case NO_CONTENT:
          // At submit, the provider took the job and the answer lost its body on the way.
          return cell.phase() == Phase.SUBMIT
              ? Fault.noContent().afterHandling()
              : Fault.noContent();
        case HOSTILE_TASK_ID:
          return Fault.hostileTaskId(HOSTILE_ID);
        default:
          throw new AssertionError(cell.fault());
      }
    }

    String context() {
      return "\n  cell: "
          + cell
          + "\n  client "
          + env.wire
          + "\n  error: "
          + rec.error()
          + "\n  emitted: "
          + rec.values.stream().map(Run::describe).collect(Collectors.joining(", "))
          + "\n  requests: "
          + sim.requests().stream()
              .map(RecordedRequest::toString)
              .collect(Collectors.joining("\n    ", "\n    ", ""));
    }

    private static String describe(Object v) {
      if (v instanceof TaskStatus) return String.valueOf(((TaskStatus) v).state());
      if (v instanceof DownloadProgress) {
        DownloadProgress p = (DownloadProgress) v;
        return p.bytesRead() + (p.done() ? " done" : "");
      }
      return String.valueOf(v);
    }

    void check(SoftAssertions soft) {
      String ctx = context();
      // Every stream ends, exactly once.
      assertThat(ended).as("the stream ended within %d ms%s", STREAM_BOUND_MS, ctx).isTrue();
      soft.assertThat(rec.terminalEvents()).as("exactly one terminal event%s", ctx).isEqualTo(1);

      if (cell.phase() == Phase.UPLOAD
          || cell.phase() == Phase.SUBMIT
          || cell.phase().afterSubmit() && cell.phase() != Phase.CANCEL) {
        checkGenerate(soft, ctx);
      }
      Throwable error = rec.error();
      if (cell.completes()) {
        soft.assertThat(error).as("the stream completes%s", ctx).isNull();
      } else {
        soft.assertThat(error)
            .as("the stream fails with exactly %s%s", cell.error().getSimpleName(), ctx)
            .isNotNull()
            .isExactlyInstanceOf(cell.error());
      }
      if (error instanceof VideoApiException) {
        Optional<TaskHandle> carried = ((VideoApiException) error).handle();
        if (cell.phase().afterSubmit()) {
          soft.assertThat(carried)
              .as("the error carries the task's handle%s", ctx)
              .contains(handle);
        } else {
          soft.assertThat(carried)
              .as("no task exists, so the error carries no handle%s", ctx)
              .isEmpty();
        }
      }
      checkRetries(soft, ctx);
    }

    private void checkGenerate(SoftAssertions soft, String ctx) {
      List<TaskStatus> statuses = new ArrayList<>();
      rec.values.forEach(v -> statuses.add((TaskStatus) v));
      if (!statuses.isEmpty()) {
        handle = statuses.get(0).handle();
        soft.assertThat(statuses.get(0).state())
            .as("the first status is QUEUED%s", ctx)
            .isEqualTo(TaskState.QUEUED);
      }
      if (cell.phase().afterSubmit()) {
        soft.assertThat(handle).as("a task was submitted before the fault%s", ctx).isNotNull();
      } else if (!cell.completes()) {
        soft.assertThat(statuses).as("no task, no status%s", ctx).isEmpty();
      }
      if (cell.completes()) {
        TaskState last =
            cell.fault() == FaultKind.CANCELLED_ELSEWHERE
                ? TaskState.CANCELLED
                : TaskState.SUCCEEDED;
        soft.assertThat(statuses).as("the task ends %s%s", last, ctx).isNotEmpty();
        if (!statuses.isEmpty()) {
          soft.assertThat(statuses.get(statuses.size() - 1).state())
              .as("the last status%s", ctx)
              .isEqualTo(last);
        }
      }
    }

    private void checkRetries(SoftAssertions soft, String ctx) {
      Phase phase = cell.phase();
      int attempts = env.wire.attempts(phase.endpoint);
      int transientRetries = cell.fault().transientCalls() + 1;
      if (cell.fault() == FaultKind.TASK_ENDED) {
        soft.assertThat(attempts).as("no cancel request for a task seen ended%s", ctx).isZero();
        soft.assertThat(env.wire.attempts("status"))
            .as("the status was read before the cancel%s", ctx)
            .isGreaterThanOrEqualTo(1);
      } else if (cell.fault() == FaultKind.ANY) {
        soft.assertThat(env.wire.totalAttempts())
            .as("cancel sends nothing%s", ctx)
            .isEqualTo(attemptsBeforeCancel);
      } else if (!cell.retried()) {
        soft.assertThat(attempts)
            .as("%s is not retried: one attempt%s", phase.endpoint, ctx)
            .isEqualTo(1);
      } else if (!cell.completes()) {
        soft.assertThat(attempts)
            .as("%s retried %d times, then given up%s", phase.endpoint, CellEnv.MAX_FAILURES, ctx)
            .isEqualTo(1 + CellEnv.MAX_FAILURES);
      } else if (phase == Phase.STATUS || phase == Phase.RESULT) {
        soft.assertThat(attempts)
            .as("%s retried after the faulty calls%s", phase.endpoint, ctx)
            .isGreaterThanOrEqualTo(transientRetries);
      } else {
        soft.assertThat(attempts)
            .as("%s retried until it went through%s", phase.endpoint, ctx)
            .isEqualTo(transientRetries);
      }
      if (cell.retried() && cell.fault().hasRetryAfter()) {
        List<Long> times = env.wire.attemptTimes(phase.endpoint);
        if (times.size() >= 2) {
          long gapMs = TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0));
          soft.assertThat(gapMs)
              .as(
                  "Retry-After honoured (capped at %s) between the first two attempts%s",
                  CellEnv.RETRY_AFTER_CAP, ctx)
              .isGreaterThanOrEqualTo(CellEnv.RETRY_AFTER_CAP.toMillis() - 5);
        }
      }
      if (cell.fault().isExpiredUrl()) {
        soft.assertThat(env.wire.attempts("status") - statusReadsBeforeDownload)
            .as("exactly one status read for a fresh URL%s", ctx)
            .isEqualTo(1);
      }
      if (cell.fault() == FaultKind.MEDIA_CUT_RANGE) {
        List<String> ranges =
            sim.requests(phase.endpoint).stream()
                .map(r -> String.valueOf(r.header("Range")))
                .collect(Collectors.toList());
        soft.assertThat(ranges)
            .as("each retry resumes after the bytes already on disk%s", ctx)
            .containsExactly(
                "null", "bytes=" + MEDIA_CUT_BYTES + "-", "bytes=" + 2 * MEDIA_CUT_BYTES + "-");
      }
      if (cell.fault() == FaultKind.WRONG_CONTENT_RANGE) {
        List<String> ranges =
            sim.requests(phase.endpoint).stream()
                .map(r -> String.valueOf(r.header("Range")))
                .collect(Collectors.toList());
        soft.assertThat(ranges)
            .as("after the 206 for other bytes, the whole video is asked for%s", ctx)
            .containsExactly("null", "bytes=" + MEDIA_CUT_BYTES + "-", "null");
      }
      if (cell.fault() == FaultKind.HOSTILE_TASK_ID) {
        List<String> after =
            sim.requests().stream()
                .filter(
                    r -> !"upload".equals(r.endpointName()) && !"submit".equals(r.endpointName()))
                .map(RecordedRequest::toString)
                .collect(Collectors.toList());
        soft.assertThat(after)
            .as("no request after the submit answered a hostile id%s", ctx)
            .isEmpty();
        soft.assertThat(sim.requests())
            .extracting(RecordedRequest::target)
            .as("no request names the hostile id%s", ctx)
            .noneMatch(t -> t.contains("..") || t.contains("/a/b"));
      }
      if (cell.fault() == FaultKind.TRICKLE) {
        soft.assertThat(Duration.ofNanos(elapsedNanos))
            .as("the trickling download ends at the policy's deadline, not the call timeout%s", ctx)
            .isGreaterThanOrEqualTo(TRICKLE_DEADLINE.minusMillis(50))
            .isLessThan(TRICKLE_DEADLINE.plusSeconds(3));
      }
      // A submit goes out more than once only when the provider provably did not take it.
      int submits = env.wire.attempts("submit");
      if (phase == Phase.SUBMIT && cell.fault().provesSubmitNotAccepted()) {
        soft.assertThat(submits)
            .as("submit attempts%s", ctx)
            .isLessThanOrEqualTo(1 + CellEnv.MAX_FAILURES);
      } else {
        soft.assertThat(submits)
            .as("the submit was sent at most once%s", ctx)
            .isLessThanOrEqualTo(1);
      }
      if (cell.provider().endpoints.contains("upload") && phase == Phase.SUBMIT) {
        soft.assertThat(env.wire.attempts("upload"))
            .as("a resent generate reuses the uploaded image%s", ctx)
            .isEqualTo(1);
      }
    }

    /**
     * Jobs are checked before the simulator closes; a delayed handler may still be creating one.
     */
    void checkJobs(SoftAssertions soft) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (sim.jobCount() < cell.simJobs() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      String ctx = context();
      soft.assertThat(sim.jobCount())
          .as("at most one job per generate%s", ctx)
          .isLessThanOrEqualTo(1);
      soft.assertThat(sim.jobCount()).as("jobs in the simulator%s", ctx).isEqualTo(cell.simJobs());
      soft.assertThat(sim.handlerFailures())
          .as("the simulator itself did not break%s", ctx)
          .isEmpty();
    }

    void checkFiles(SoftAssertions soft) throws IOException {
      List<Path> left;
      try (Stream<Path> s = Files.list(dir)) {
        left = s.collect(Collectors.toList());
      }
      if (cell.phase() == Phase.DOWNLOAD && cell.completes()) {
        soft.assertThat(left)
            .as("only the finished file (no .part left)%s", context())
            .containsExactly(target);
        if (Files.exists(target)) {
          byte[] bytes = Files.readAllBytes(target);
          if (cell.fault().downloadsTask()) {
            soft.assertThat(bytes)
                .as("the video's exact bytes%s", context())
                .isEqualTo(sim.mediaBytes());
          }
          if (cell.fault() == FaultKind.OVERSIZED_BODY) {
            soft.assertThat(bytes.length).as("the whole large video").isEqualTo(OVERSIZED_BYTES);
            boolean pattern = true;
            for (int i = 0; i < bytes.length && pattern; i++)
              pattern = bytes[i] == ProviderSimulator.largeMediaByte(i);
            soft.assertThat(pattern).as("the large video's exact bytes").isTrue();
          }
        }
      } else {
        soft.assertThat(left).as("no file, partial or not%s", context()).isEmpty();
      }
      if (cell.phase() == Phase.DOWNLOAD
          && rec.error() instanceof RateLimitedException
          && cell.fault().hasRetryAfter()) {
        soft.assertThat(((RateLimitedException) rec.error()).retryAfter())
            .as("the media host's Retry-After is passed on")
            .isPresent();
      }
    }
  }
}
