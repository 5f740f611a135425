package io.github.pixverse4j.reliability.matrix;

import io.github.pixverse4j.reliability.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders {@code docs/reliability.md} from {@link FaultMatrix#cells()}, so the page and the tests
 * cannot drift apart. {@link ReliabilityDocTest} fails when the file differs; regenerate with
 * {@code ./mvnw -B -pl reliability -am verify
 * -Dtest='io.github.pixverse4j.reliability.matrix.ReliabilityDocTest'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dreliability.writeDocs=true}, or run {@link #main}.
 */
public final class ReliabilityDoc {
  static final String REGENERATE =
      "./mvnw -B -pl reliability -am verify -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dtest='io.github.pixverse4j.reliability.matrix.ReliabilityDocTest'"
          + " -Dreliability.writeDocs=true";
  static final String RUN =
      "./mvnw -B -pl reliability -am verify -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dtest='io.github.pixverse4j.reliability.matrix.**'";

  private ReliabilityDoc() {}

  /** Writes the page into {@code docs/} of the repository (found from the working directory). */
  public static void main(String[] args) throws IOException {
    Path file = docsFile();
    Files.createDirectories(file.getParent());
    Files.write(file, render(FaultMatrix.cells()).getBytes(StandardCharsets.UTF_8));
    System.out.println("wrote " + file);
  }

  /**
   * {@code docs/reliability.md} of the repository: the working directory is the root or {@code
   * reliability/}.
   */
  static Path docsFile() {
    Path here = Paths.get("").toAbsolutePath();
    Path root = Files.isDirectory(here.resolve("reliability")) ? here : here.getParent();
    return root.resolve("docs").resolve("reliability.md");
  }

  static String render(List<Cell> cells) {
    StringBuilder b = new StringBuilder();
    b.append("# Reliability: what pixverse4j does when things go wrong\n\n");
    b.append(
        "<!-- Generated from"
            + " reliability/src/test/java/io/github/pixverse4j/reliability/matrix/FaultMatrix.java"
            + " by ReliabilityDoc; do not edit by hand. Regenerate with:\n"
            + "     "
            + REGENERATE
            + " -->\n\n");
    b.append(
        "Every row below is a test. The fault matrix (`reliability` module, package\n"
            + "`io.github.pixverse4j.reliability.matrix`) injects one fault into one phase of one"
            + " provider, runs\n"
            + "the real client against that provider's in-process simulator on 127.0.0.1, and"
            + " checks the row's\n"
            + "outcome. `ReliabilityDocTest` fails when this page and the rows differ.\n\n");
    b.append("## Guarantees (checked in every cell)\n\n");
    b.append(
        "1. **At most one job per `generate`.** The simulator's job count never exceeds one, and a"
            + " submit\n"
            + "   is sent more than once only after an answer that proves the provider did not take"
            + " it: connection\n"
            + "   refused, 429, 503. A submit whose answer was lost or unreadable ends in\n"
            + "   `SubmitOutcomeUnknownException`, never in a second submit.\n");
    b.append(
        "2. **Every stream ends.** Each operation ends within 15 s (simulated intervals are"
            + " milliseconds) with\n"
            + "   exactly one terminal event: completion, or a typed `VideoApiException`. Once a"
            + " task exists the\n"
            + "   exception carries its `TaskHandle` (`error.handle()`), so you can `watch(handle)`"
            + " later; before\n"
            + "   that, it carries none.\n");
    b.append(
        "3. **Nothing is left running.** When a stream has ended no HTTP call is running or queued"
            + " and no\n"
            + "   poll or retry timer is still scheduled; every thread the client used (its own"
            + " RxJava scheduler,\n"
            + "   IO scheduler and OkHttp dispatcher, given to the builder per cell) ends once"
            + " those pools are shut\n"
            + "   down, and the library never falls back on a shared pool. Idle pooled threads"
            + " therefore never\n"
            + "   count as leaks, and a thread still busy (a blocked read, a copy loop) always"
            + " does.\n");
    b.append(
        "4. **No partial files.** After a download the target directory holds the finished file"
            + " or\n"
            + "   nothing: no `.part` file survives a failure.\n\n");
    b.append("## How the faults are made\n\n");
    b.append(
        "A fault that is transient by nature (connection refused, resets, slow answers, 429, 500,"
            + " 502, 503)\n"
            + "is injected on the **first "
            + FaultKind.TRANSIENT_CALLS
            + " calls** of the phase's endpoint, so a client that\n"
            + "retries completes; a permanent one (401, 403, credits, unknown status, and at"
            + " submit, upload or\n"
            + "download also unreadable or oversized answers) on **every call**.\n\n");
    b.append("| fault | how |\n|---|---|\n");
    b.append(
        "| connection refused | the client's calls to that endpoint are sent to a loopback port"
            + " nobody listens on |\n");
    b.append(
        "| reset before response | the simulator reads and processes the request (a submit creates"
            + " its job), then closes the connection without a byte |\n");
    b.append(
        "| reset mid-body | status line, headers and half the body, then EOF (media: after 500"
            + " bytes) |\n");
    b.append(
        "| slow response past the call timeout | the answer comes "
            + CellEnv.SLOW_DELAY.toMillis()
            + " ms late; the cell's client has a "
            + CellEnv.SLOW_TIMEOUT.toMillis()
            + " ms read timeout |\n");
    b.append(
        "| 429 + Retry-After | `Retry-After: 1`, or an HTTP-date 30 s ahead; the suite's policy"
            + " caps waits at "
            + CellEnv.RETRY_AFTER_CAP.toMillis()
            + " ms and checks that the retry waited that long |\n");
    b.append(
        "| 500 / 502 / 503 / 401 / 403 | that status with a small JSON body (no Retry-After) |\n");
    b.append(
        "| insufficient credits | each provider's own answer: odirouter 402; highway/myrouter 400"
            + " `BILLING_BALANCE_NOT_ENOUGH`; gmi 400 \"insufficient balance\"; pixverse 402 (no"
            + " confirmed code) |\n");
    b.append(
        "| malformed JSON / empty body / HTML error page | a 200 with invalid JSON / 0 bytes / a"
            + " `text/html` page |\n");
    b.append(
        "| 202 without a body / 200 with cut-off JSON | a 202 of 0 bytes / a 200 whose JSON stops"
            + " mid-value (status reads only) |\n");
    b.append(
        "| body over the size cap | a 200 JSON body of 3 MiB (API answers are capped at 2 MiB); for"
            + " downloads a 3 MiB video |\n");
    b.append(
        "| unknown status value | a well-formed status answer with a status value the protocol does"
            + " not define |\n");
    b.append(
        "| 429 + Retry-After HTTP-date, server clock 1 h behind | the answer's `Date` is an hour"
            + " behind the client's clock (the cell's interceptor puts it in place of the JDK"
            + " server's own) and `Retry-After` is one second after it; the retry must wait the"
            + " capped "
            + CellEnv.RETRY_AFTER_CAP.toMillis()
            + " ms, not retry at once |\n");
    b.append(
        "| video cut short (with / without Range) | the cell first generates a task, then downloads"
            + " its video with `download(status, target)`; the media body stops after "
            + FaultMatrixTest.MEDIA_CUT_BYTES
            + " of its Content-Length bytes; the host answers `Range: bytes=<n>-` with 206 and"
            + " Content-Range, or ignores it (200, the whole video) |\n");
    b.append(
        "| video cut short, host answers Range with other bytes | as above, with Range; the resume"
            + " is answered 206 for the bytes from "
            + (FaultMatrixTest.MEDIA_CUT_BYTES / 5)
            + " (`Fault.wrongContentRange`) |\n");
    b.append(
        "| 200 HTML page without a content type | a login page with no `Content-Type`"
            + " (`Fault.untypedHtml`) |\n");
    b.append(
        "| complete answer of half the declared size | odirouter and pixverse (whose answers"
            + " declare the video's size): a well-framed answer with the first half of the video"
            + " (`Fault.shortCompleteBody`) |\n");
    b.append(
        "| body trickles, one byte at a time | download of a bare video URL: a 200 whose body comes"
            + " one byte every "
            + FaultMatrixTest.TRICKLE_PER_BYTE.toMillis()
            + " ms (`Fault.trickle`), never silent for the read timeout;"
            + " the cell's polling deadline is "
            + FaultMatrixTest.TRICKLE_DEADLINE.toMillis()
            + " ms and the download"
            + " must end by it, not by the 20 s call timeout |\n");
    b.append(
        "| 204 No Content | a 204 without a body or content type (`Fault.noContent`); at submit"
            + " after the job was created (`afterHandling()`) |\n");
    b.append(
        "| hostile task id in the submit answer | the submit creates its job under the id `"
            + FaultMatrixTest.HOSTILE_ID
            + "`, which the answer carries in the provider's own field (`Fault.hostileTaskId`); the"
            + " cell checks that no request follows the submit and none names the id |\n");
    b.append(
        "| expired video URL: 403 / 404 / 410 | as above, and the media host refuses the first"
            + " download call with that status and an object store's XML error |\n");
    b.append(
        "| cancelled elsewhere | odirouter: the status reads COMPLETED and the result answers 400"
            + " `Request was cancelled`; highway/myrouter: the job ends `TASK_STATUS_FAILED` with"
            + " reason `TASK_CANCELLED`; gmi: the job ends `cancelled`. pixverse has no row: its"
            + " status 8 means failed or cancelled |\n");
    b.append(
        "| cancel after the task ended | the job reads SUCCEEDED from its first status read; then"
            + " `cancel(handle)` |\n\n");
    b.append(
        "The suite's polling policy: 10 ms intervals, retries after 10 ms doubling to 40 ms or"
            + " after\n"
            + "`Retry-After` (clamped to 10–"
            + CellEnv.RETRY_AFTER_CAP.toMillis()
            + " ms). Reads (status, result, cancel)\n"
            + "and downloads retry until the deadline; a submit that provably made no job is resent"
            + " at most "
            + CellEnv.MAX_FAILURES
            + "\ntimes (so \"gives up\" means after "
            + (1 + CellEnv.MAX_FAILURES)
            + " attempts). With the defaults the same rules apply\n"
            + "on a scale of seconds (see [Polling and"
            + " retries](polling.md#what-is-retried-for-how-long-and-how-to-see-it)).\n\n");
    b.append("## Running it\n\n");
    b.append("```\n" + RUN + "\n```\n\n");
    b.append(
        "It runs in `./mvnw verify` too. One cell or a group: add `-Dmatrix.only='gmi · status'` (a"
            + " regular\n"
            + "expression over the row names, which read `provider · phase · fault → outcome`)."
            + " After changing a\n"
            + "row, regenerate this page:\n\n");
    b.append("```\n" + REGENERATE + "\n```\n\n");
    b.append("## Findings\n\n");
    b.append(
        "- **F1 (fixed)** — a download used to save any 2xx body as the video. The downloader now"
            + " refuses\n"
            + "  a 200 answer with an HTML, JSON or XML page, or an empty body, with a"
            + " `VideoApiException` saying\n"
            + "  the URL may have expired; no file is left.\n");
    b.append(
        "- Downloads retry transient failures of the media host until the deadline and resume a"
            + " body cut\n"
            + "  short with `Range` (restarting from zero when the host ignores it)."
            + " `download(handle, video, target)`\n"
            + "  (and `download(status, target)`) also replaces a refused (expired) URL with one"
            + " fresh status read.\n"
            + "  The rows for Range and expired URLs download a generated task's video; the other"
            + " download rows a\n"
            + "  bare URL.\n");
    b.append(
        "- Status reads ride out outages until the deadline, including 2xx answers that are not"
            + " JSON (a\n"
            + "  gateway's HTML page, an empty, cut-off or bodiless 202 answer): the matrix injects"
            + " them on the first\n"
            + "  calls and the task completes.\n");
    b.append(
        "- **Not in the matrix: an outage spanning minutes.** The matrix runs in real time, so a"
            + " row\n"
            + "  lasting minutes would cost minutes per provider. It is covered in virtual time"
            + " by\n"
            + "  `VideoClientTest.outageSpanningMinutes` (client module) and measured by the outage"
            + " benchmark\n"
            + "  (`OutageBench` in `benchmarks/`: status calls spent in a 10-minute outage and the"
            + " delay to the first read after it).\n");
    b.append(
        "- An OdiRouter cancel answered with a 2xx is taken as accepted even when its body cannot"
            + " be read;\n"
            + "  the status stream tells whether the task really ended CANCELLED.\n");
    b.append(
        "- **Issue 25 (hostile answers), fixed as kinds in the shared layer.** What the client does"
            + " now:\n"
            + "  - a 206 for other bytes than the `Range` asked (or a 206 to a request without"
            + " one): never written; the next attempt asks for the whole video (matrix row above;"
            + " `VideoDownloaderRetryTest`);\n"
            + "  - a body that is not a video container by its first bytes (MP4/MOV `ftyp`, WebM"
            + " EBML, Ogg, AVI, FLV, MPEG-TS/PS) is refused whatever its type, unless the answer or"
            + " the provider names a `video/*` type the client cannot check (matrix row above);\n"
            + "  - conflicting `Content-Length` values (RFC 9112 §6.3) and interim 1xx answers"
            + " (102, 103, a second 100, which OkHttp 3 cannot skip) fail the call as a"
            + " `ProtocolException` and close its connection: a read or download is retried, a"
            + " submit is outcome-unknown (`HttpFraming`; every provider's client and the shared"
            + " downloader install it; not in the matrix, see below);\n"
            + "  - a saved video must have the size the provider declared (PixVerse `size`, the"
            + " queue family's `video.file_size`): a complete answer of another size, or a"
            + " close-delimited body cut short, is a failed transfer, retried (matrix row above for"
            + " the two providers that declare it; gmi and v3 async declare no size, so there a"
            + " well-framed half video cannot be told from a whole one);\n"
            + "  - optional hints (progress percent, ETA, queue position, size, seed, width,"
            + " timestamps) of another type or out of range are read as absent (`LenientNumbers`),"
            + " an ETA above one day is ignored: they never end a task;\n"
            + "  - a 2xx answer without a body (204) or without a task id: a submit is"
            + " outcome-unknown (`SubmitOutcomeUnknownException`), sent once, a read is retried"
            + " (matrix rows \"204 No Content\" at submit and status; contract tests"
            + " `submitAnswerWithoutId`, `emptyStatusRetried`, for every provider);\n"
            + "  - task ids `.`, `..` or containing `/ \\ ? # %` or control characters make no"
            + " `TaskHandle` (submit: outcome unknown; token: refused), and a queue provider's"
            + " status URLs are used only when a path segment is the request id (matrix row"
            + " \"hostile task id\": the submit answers `"
            + FaultMatrixTest.HOSTILE_ID
            + "` in the provider's own field, and no request follows it);\n"
            + "  - an API key the provider echoes in a video URL is masked in `Video.url()` (what"
            + " is printed and journaled); only `Video.downloadUrl()`, never printed or stored,"
            + " carries it to the download;\n"
            + "  - an API answer's body must arrive within 30 s of its headers"
            + " (`BodyLimitInterceptor`): a body trickling a byte every few seconds fails as a"
            + " timed-out read, which the engine retries (`BodyLimitInterceptorTest`; not in the"
            + " matrix: that bound cannot be set through a provider's builder, and a 30 s row per"
            + " provider is too slow); a video's body is bounded by the polling policy's deadline"
            + " (matrix row \"body trickles\" at download).\n");
    b.append(
        "- **Not in the matrix: what the simulators' JDK HTTP server cannot send.** These are"
            + " tested on raw sockets in the client module:\n"
            + "  - interim 1xx answers (102, 103, a second 100):"
            + " `HttpFramingTest.refusedAndRecovered` (API calls),"
            + " `VideoDownloaderRetryTest.interimAnswersRetried` (downloads);\n"
            + "  - duplicate, conflicting `Content-Length` headers:"
            + " `HttpFramingTest.refusedAndRecovered` (API calls),"
            + " `VideoDownloaderRetryTest.conflictingLengthsRefused` (downloads);\n"
            + "  - close-delimited bodies (no length, cut by a close):"
            + " `VideoDownloaderRetryTest.closeDelimitedCutResumes`.\n");
    b.append(
        "- **Not in the matrix: a pooled connection whose socket a cancel closed before its first"
            + " exchange** (issue 27; OkHttp 3.14 keeps it pooled): it is discarded and the call is"
            + " sent once more on another connection, for API calls (`PooledConnectionStormTest`,"
            + " and `DisposedPollTest` here for every provider) and for downloads"
            + " (`DownloadOnDeadConnectionTest`: OkHttp's own retry, now off for downloads too,"
            + " spun on that connection without end).\n");
    b.append(
        "- A 500 answer to a submit is not resent and is reported as"
            + " `SubmitOutcomeUnknownException`: the\n"
            + "  provider may have created the job before failing. Only an answer the provider"
            + " documents as creating\n"
            + "  nothing (v3 async's `CREATE_TASK_FAILED`; PixVerse's image upload) is a plain"
            + " failure.\n\n");

    Map<Provider, List<Cell>> byProvider = new TreeMap<>();
    for (Cell c : cells)
      byProvider.computeIfAbsent(c.provider(), k -> new java.util.ArrayList<>()).add(c);
    b.append("## The matrix (" + cells.size() + " cells)\n\n");
    b.append(
        "Columns: the fault, how often it is injected, whether the client sends the call again by"
            + " itself,\n"
            + "how the operation ends, whether a job may exist as far as you can tell from that"
            + " outcome, and what\n"
            + "to do. \"completes SUCCEEDED\" means the video arrived despite the fault;"
            + " \"completes CANCELLED\" that the\n"
            + "status stream ended normally with the task CANCELLED.\n\n");
    for (Map.Entry<Provider, List<Cell>> e : byProvider.entrySet()) {
      b.append("### ")
          .append(e.getKey().id)
          .append(" (")
          .append(e.getValue().size())
          .append(" cells)\n\n");
      b.append(
          "| phase | fault | injected | retried | outcome | job may exist | what to do | note |\n");
      b.append("|---|---|---|---|---|---|---|---|\n");
      for (Cell c : e.getValue()) {
        b.append("| ")
            .append(c.phase().label)
            .append(" | ")
            .append(c.fault().label)
            .append(" | ")
            .append(c.injectionLabel())
            .append(" | ")
            .append(c.retriedLabel())
            .append(" | ")
            .append(c.completes() ? c.outcomeLabel() : "`" + c.outcomeLabel() + "`")
            .append(" | ")
            .append(c.job().label)
            .append(" | ")
            .append(c.action())
            .append(" | ")
            .append(c.note())
            .append(" |\n");
      }
      b.append('\n');
    }
    return b.toString().replaceAll("(?m)[ \t]+$", "");
  }

  /** The number of cells per outcome, for a quick summary in failure messages. */
  static String summary(List<Cell> cells) {
    return cells.stream()
        .collect(Collectors.groupingBy(Cell::outcomeLabel, TreeMap::new, Collectors.counting()))
        .toString();
  }
}
