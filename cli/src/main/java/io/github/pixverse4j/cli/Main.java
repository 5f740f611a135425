package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Model;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.DownloadTargets;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.disposables.Disposable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code pixverse4j} command. */
@Command(
    name = "pixverse4j",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Turn one image and a prompt into a video with a hosted PixVerse API.%n"
        + "API keys come from environment variables only (`pixverse4j providers` names them). Without the"
        + " chosen provider's key (or with --simulate) the provider is simulated in-process.",
    // The help shows HelpText's version of this description, which names each registered provider's variable.
    subcommands = {
        Main.Generate.class, Main.Watch.class, Main.Status.class, Main.Cancel.class,
        Main.Download.class, Main.Providers.class, TasksCommand.class, ResumeCommand.class, SimulateCommand.class, Completion.class},
    footer = "%nEach command's --help lists its exit codes.")
public final class Main implements Callable<Integer> {
  final Env env;
  final PrintWriter out;
  final PrintWriter err;
  final Path cwd;
  final boolean terminal;
  /**
   * How to follow the task of the command running now (its connection's base URL, or simulated),
   * so that an error reported after the command gave up names a command that reaches the task.
   */
  volatile ResumeHint hint = ResumeHint.real(null);
  /** The work in progress, disposed on Ctrl-C. */
  private final AtomicReference<Run> active = new AtomicReference<>();
  private volatile boolean interruptRequested;
  /** How long status and cancel retry a provider that does not answer ({@link Once}); tests shorten it. */
  Duration onceDeadline = Once.DEFAULT_TIMEOUT;

  Main(Env env, PrintWriter out, PrintWriter err, Path cwd, boolean terminal) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.cwd = cwd;
    this.terminal = terminal;
  }

  /** How long Ctrl-C waits for the command to print its last line and JSON object. */
  static final long SHUTDOWN_GRACE_MILLIS = 5_000;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Main main = new Main(Env.system(), out, err, Paths.get("").toAbsolutePath(), System.console() != null);
    CountDownLatch finished = new CountDownLatch(1);
    // The JVM halts as soon as its shutdown hooks return, so on Ctrl-C the hook waits (bounded)
    // until the command has printed what happened: without that wait the last line was lost.
    Thread hook = new Thread(() -> main.shutdown(finished, SHUTDOWN_GRACE_MILLIS), "pixverse4j-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = main.execute(args);
    out.flush();
    err.flush();
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; the JVM exits (130 after Ctrl-C) once it returns.
    }
    System.exit(code);
  }

  /**
   * The shutdown hook's work: stop the work in progress, then wait up to {@code graceMillis} for
   * the command to print its final message; if it cannot in time, say at least that it stopped.
   */
  void shutdown(CountDownLatch finished, long graceMillis) {
    interrupt();
    try {
      if (finished.await(graceMillis, TimeUnit.MILLISECONDS)) return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.println("Interrupted.");
    err.flush();
  }

  /** Runs the command line and returns the exit code. */
  int execute(String... args) {
    Integer quick = QuickStart.run(args, out, err);
    if (quick != null) return quick;
    // A bad entry in an add-on jar is skipped; saying so once up front explains a missing provider.
    for (String problem : Connection.loadProblems()) err.println("pixverse4j: " + problem);
    err.flush();
    return commandLine().execute(args);
  }

  /** The command model with its handlers, writing to this instance's streams. */
  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this, new Factory());
    cl.setOut(out);
    cl.setErr(err);
    cl.setResourceBundle(new HelpText());
    // resume reaches each task at the base URL recorded at submit, not the provider's own service.
    CommandLine.Model.CommandSpec resume = cl.getSubcommands().get("resume").getCommandSpec();
    CommandLine.Model.OptionSpec baseUrl = resume.findOption("--base-url");
    resume.remove(baseUrl);
    resume.addOption(baseUrl.toBuilder().description(ResumeCommand.BASE_URL_HELP).build());
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.hasMatchedOption("--verbose")
          || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose"));
      // With --json the error is a JSON object on stdout too, whatever step it came from.
      boolean json = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--json");
      int code = ExitCodes.forError(e);
      Output o = new Output(out, err, json, false);
      o.hint(hint);
      o.error(e, tokenOf(e), code, verbose);
      return code;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      // picocli could not read the line, so --json was never set: look for it among the words.
      if (java.util.Arrays.asList(a).contains("--json")) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "error");
        m.put("error", ErrorKinds.INVALID_INPUT);
        m.put("message", e.getMessage());
        m.put("exitCode", ExitCodes.USAGE);
        new Output(out, err, true, false).line(m);
      }
      err.println("Error: " + e.getMessage());
      err.println("Run 'pixverse4j " + (e.getCommandLine().getCommandName().equals("pixverse4j") ? ""
          : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
      err.flush();
      return ExitCodes.USAGE;
    });
    return cl;
  }

  /**
   * Stops the work in progress (Ctrl-C): polling stops, the task goes on at the provider. Work
   * that starts later stops at once, so an interrupt between two steps is not lost.
   */
  void interrupt() {
    interruptRequested = true;
    Run run = active.get();
    if (run != null) run.interrupt();
  }

  /** Starts {@code run} as the work in progress; interrupted at once after a Ctrl-C. */
  private void begin(Run run) {
    active.set(run);
    if (interruptRequested) run.interrupt();
  }

  /** Waits for {@code single} like {@code blockingGet}, but Ctrl-C stops it ({@link Interrupted}). */
  <T> T await(io.reactivex.rxjava3.core.Single<T> single) throws InterruptedException {
    Run run = new Run();
    AtomicReference<T> value = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    begin(run);
    try {
      run.start(single.subscribe(v -> {
        value.set(v);
        run.finish();
      }, e -> {
        error.set(e);
        run.finish();
      }));
      run.await();
      if (run.interrupted()) throw new Interrupted();
    } finally {
      active.compareAndSet(run, null);
    }
    Throwable e = error.get();
    if (e != null) throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    return value.get();
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(out);
    return ExitCodes.USAGE;
  }

  private static String tokenOf(Throwable e) {
    return e instanceof VideoApiException
        ? ((VideoApiException) e).handle().map(TaskHandle::token).orElse(null)
        : null;
  }

  /** Lets picocli build the subcommands, which need the parent's context. */
  private final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == Main.class) return cls.cast(Main.this);
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Options of every command that talks to a provider. */
  static class Connect {
    @Option(names = "--json", description = "Print one JSON object per line on stdout and nothing else"
        + " (messages stay on stderr). Default: text for people.")
    boolean json;

    @Option(names = "--verbose", description = "Print stack traces of errors. Default: one sentence per error.")
    boolean verbose;

    @Option(names = "--base-url", paramLabel = "URL",
        description = "Another host speaking the provider's protocol (http only for loopback addresses)."
            + " Default: the provider's own service.")
    String baseUrl;

    /** Whether to use the provider's simulator even when its key is set. */
    boolean simulate() {
      return false;
    }

    /** The polling policy; only commands that follow a task change the defaults. */
    PollingPolicy policy(boolean simulated) {
      return PollingPolicy.defaults();
    }
  }

  /**
   * Options of the commands that ask about a task once (status, cancel): they ride out
   * a short outage, but give up rather than keep a "print once" command waiting for a host that
   * never answers (the library's status read retries until the policy's deadline).
   */
  static class Once extends Connect {
    /** How long a one-shot command keeps retrying an unreachable or failing provider by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Set by the command from {@link Main#onceDeadline} before it connects. */
    Duration deadline = DEFAULT_TIMEOUT;

    @Override
    PollingPolicy policy(boolean simulated) {
      return PollingPolicy.defaults().toBuilder().deadline(deadline).build();
    }
  }

  /** Options of the commands that follow a task until it ends. */
  static class Follow extends Connect {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.Converter.class,
        description = "Stop waiting after this long, e.g. 90s, 20m, 1h30m (more than 0). Default: 20m."
            + " The task goes on at the provider.")
    Duration timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = Durations.Converter.class, hidden = true,
        description = "Poll at this fixed interval (for tests and demos).")
    Duration pollInterval;

    /** The polling policy; a simulated provider is polled often so the demo shows its progress. */
    @Override
    PollingPolicy policy(boolean simulated) {
      PollingPolicy.Builder b = PollingPolicy.defaults().toBuilder();
      if (timeout != null) b.deadline(timeout);
      Duration every = pollInterval != null ? pollInterval : simulated ? Duration.ofMillis(400) : null;
      if (every != null) b.fixedInterval(every).retryDelay(every).maxRetryDelay(every);
      return b.build();
    }
  }

  /** Options of generate: following a new task, perhaps at a simulated provider. */
  static final class Common extends Follow {
    @Option(names = "--simulate", description = "Use the provider's in-process simulator even if its key is set"
        + " (no credits are used; the task ends with the command). Default: simulate only when the key is not set.")
    boolean simulate;

    @Override
    boolean simulate() {
      return simulate;
    }
  }

  /** One run of a command that follows a task; Ctrl-C disposes it. */
  final class Run {
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Disposable> work = new AtomicReference<>();
    private volatile boolean interrupted;

    void start(Disposable d) {
      work.set(d);
      if (interrupted) d.dispose();
    }

    void finish() {
      done.countDown();
    }

    void interrupt() {
      interrupted = true;
      Disposable d = work.get();
      if (d != null) d.dispose();
      done.countDown();
    }

    boolean interrupted() {
      return interrupted;
    }

    void await() throws InterruptedException {
      done.await();
    }
  }

  /** Follows {@code stream} to its end, printing statuses; returns the last status. */
  TaskStatus follow(Observable<TaskStatus> stream, Output output, AtomicReference<String> token,
      AtomicReference<Throwable> error) throws InterruptedException {
    Run run = new Run();
    begin(run);
    AtomicReference<TaskStatus> last = new AtomicReference<>();
    try {
      run.start(stream.subscribe(
          s -> {
            if (token.get() == null) {
              token.set(s.handle().token());
              if (!output.json()) {
                output.say("Task: %s%s", token.get(), output.hint().isSimulated() ? " (simulated)" : "");
              }
            }
            last.set(s);
            output.status(s);
          },
          e -> {
            error.set(e);
            run.finish();
          },
          run::finish));
      run.await();
      if (run.interrupted()) throw new Interrupted();
      return last.get();
    } finally {
      active.compareAndSet(run, null);
    }
  }

  /** Downloads the first video of {@code status} to {@code target}. */
  void download(io.github.pixverse4j.client.VideoClient client, TaskStatus status, Path target, Output output)
      throws InterruptedException {
    Run run = new Run();
    begin(run);
    AtomicReference<Throwable> error = new AtomicReference<>();
    try {
      run.start(client.download(status, target).subscribe(
          output::download, e -> {
            error.set(e);
            run.finish();
          }, run::finish));
      run.await();
      if (run.interrupted()) throw new Interrupted();
    } finally {
      active.compareAndSet(run, null);
    }
    if (error.get() != null) {
      Throwable e = error.get();
      throw e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(
          "Download failed: " + e.getMessage(), e);
    }
  }

  /** Thrown when Ctrl-C stopped a run. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /** Shared logic of generate and watch: follow, download, report. */
  int followAndFinish(Connection c, Observable<TaskStatus> stream, Connect common, String knownToken,
      boolean noDownload, Path explicitOutput, boolean force, Output output) throws InterruptedException {
    AtomicReference<String> token = new AtomicReference<>(knownToken);
    AtomicReference<Throwable> error = new AtomicReference<>();
    TaskStatus last;
    try {
      last = follow(stream, output, token, error);
    } catch (Interrupted e) {
      String t = token.get();
      output.interrupted(interruptedMessage(output.hint(), c.factory.id(), t), t);
      return ExitCodes.INTERRUPTED;
    }
    if (error.get() != null) {
      Throwable e = error.get();
      String t = tokenOf(e) != null ? tokenOf(e) : token.get();
      int code = ExitCodes.forError(e, t != null);
      output.error(e, t, code, common.verbose);
      return code;
    }
    int code = ExitCodes.forTerminal(last.state());
    Path target = null;
    if (last.state() == TaskState.SUCCEEDED && !noDownload) {
      target = DownloadTargets.resolve(
          explicitOutput != null ? explicitOutput : cwd, defaultName(last.handle()));
      if (Files.exists(target) && !force) {
        // The job has run, so this is not exit 2 ("nothing was sent"): the video exists and can be fetched.
        String how = output.hint().command(ResumeHint.DOWNLOAD, token.get())
            .map(cmd -> ": download it with " + cmd + " --output <another file> (or add --force)")
            .orElse(" (the simulated task ended with this command): choose another --output or add --force");
        output.error(new ErrorKinds.OutputExists(target + " already exists, so the video was not saved" + how),
            token.get(), ExitCodes.OTHER, common.verbose);
        return ExitCodes.OTHER;
      }
      try {
        download(c.client, last, target, output);
      } catch (Interrupted e) {
        output.interrupted("Interrupted: download stopped, no partial file left. "
            + output.hint().sentence(ResumeHint.FOLLOW, token.get()), token.get());
        return ExitCodes.INTERRUPTED;
      } catch (RuntimeException e) {
        int dcode = ExitCodes.forError(e, true);
        output.error(e, token.get(), dcode, common.verbose);
        return dcode;
      }
    }
    output.result(token.get(), last, target, code);
    if (noDownload && c.simulated() && !last.videos().isEmpty() && !output.json()) {
      output.say("The URL is served by the in-process simulator: it stops working when this command ends.");
    }
    if (c.simulated() && !last.videos().isEmpty() && !output.json()) output.say(SimulateCommand.PLACEHOLDER_NOTE);
    return code;
  }

  /**
   * What Ctrl-C stopped: before the provider answered the submit no task is known, so nothing was
   * polled and the job may or may not exist (the journal records that outcome as unknown); after
   * it, polling stopped and the task goes on.
   */
  static String interruptedMessage(ResumeHint hint, String provider, String token) {
    if (token == null) {
      return hint.isSimulated()
          ? "Interrupted before the simulated " + provider + " answered the submit: no task was started"
              + " and nothing is charged."
          : "Interrupted before " + provider + " answered the submit: the job may or may not have reached it"
              + " (a job may exist and be billed). Check with: pixverse4j tasks (and " + provider + "'s console).";
    }
    if (hint.isSimulated()) return "Interrupted: polling stopped; the simulated task ended with this command.";
    return "Interrupted: polling stopped; the task goes on at the provider. " + hint.sentence(ResumeHint.FOLLOW, token);
  }

  static String defaultName(TaskHandle h) {
    String id = h.taskId().replaceAll("[^A-Za-z0-9._-]", "_");
    if (id.length() > 48) id = id.substring(0, 48);
    return "pixverse4j-" + h.providerId() + "-" + id + ".mp4";
  }

  /**
   * The journal labels of a task whose video this command saves: where it goes ({@code target},
   * else the working directory), so a resume downloads it there; none with {@code --no-download}.
   */
  Map<String, String> targetLabels(boolean noDownload, Path target) {
    return noDownload ? Map.of() : Map.of(JournalEntry.LABEL_TARGET, (target != null ? target : cwd).toString());
  }

  Path resolveOutput(Path output) {
    return output == null ? null : cwd.resolve(output).normalize();
  }

  static Output output(Main parent, Connect common) {
    Output o = new Output(parent.out, parent.err, common.json, parent.terminal && !common.json);
    o.watchLimit(common.policy(false).deadline());
    return o;
  }

  // ---------------------------------------------------------------------------------------------

  @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Version.class,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.VIDEO_SAVED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.TASK_FAILED_TEXT, ExitCodes.TIMEOUT_TEXT, ExitCodes.CANCELLED_TEXT, ExitCodes.INTERRUPTED_TEXT},
      description = "Submit an image and a prompt, show progress, download the video.")
  static final class Generate implements Callable<Integer> {
    @ParentCommand Main parent;
    @Mixin Common common;

    @Option(names = "--image", required = true, paramLabel = "URL|FILE", descriptionKey = HelpText.IMAGE,
        description = "The first frame: a public http(s) URL, or a local file where the provider accepts uploads"
            + " (a path, relative to the current directory, or a file: URI such as file:///home/me/cat.png).")
    String image;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", descriptionKey = HelpText.PROMPT,
        description = "What should happen in the video.")
    String prompt;

    @Option(names = "--provider", paramLabel = "ID", descriptionKey = HelpText.PROVIDER,
        completionCandidates = Connection.Ids.class,
        description = "The provider (default: the first whose key is set, else a simulated pixverse).")
    String provider;

    @Option(names = "--negative-prompt", paramLabel = "TEXT", descriptionKey = HelpText.NEGATIVE_PROMPT,
        description = "What the video should not show.")
    String negativePrompt;

    // Text, not Integer: a value that does not parse is one of the problems listed together.
    @Option(names = "--duration", paramLabel = "SECONDS", descriptionKey = HelpText.DURATION,
        description = "Length of the video in whole seconds (5 or 5s).")
    String duration;

    @Option(names = "--quality", paramLabel = "QUALITY", descriptionKey = HelpText.QUALITY,
        description = "360p, 540p, 720p or 1080p.")
    String quality;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = HelpText.SEED,
        description = "Seed for a repeatable result.")
    Long seed;

    @Option(names = "--audio", descriptionKey = HelpText.AUDIO, description = "Generate sound too.")
    boolean audio;

    @Option(names = "--multi-clip", descriptionKey = HelpText.MULTI_CLIP,
        description = "Allow camera changes and transitions.")
    boolean multiClip;

    @Option(names = "--model", paramLabel = "M", descriptionKey = HelpText.MODEL,
        description = "Model version, e.g. v4.5 (PixVerse platform only).")
    String model;

    @Option(names = "--output", paramLabel = "FILE", description = OUTPUT_HELP) Path output;

    @Option(names = "--force", description = FORCE_HELP) boolean force;

    @Option(names = "--no-download", description = NO_DOWNLOAD_HELP) boolean noDownload;

    @Override
    public Integer call() throws Exception {
      Output out = output(parent, common);
      Path target = parent.resolveOutput(output);
      // Every problem with the options and the request is listed at once, before the cost
      // estimate and before any simulator starts: fixing them one run at a time wasted runs.
      List<RuntimeException> problems = new ArrayList<>();
      if (!noDownload) note(problems, () -> Preflight.outputTarget(target != null ? target : parent.cwd, force));
      ImageInput imageInput = image(problems);
      ImageToVideoRequest request = request(imageInput, problems);
      String id = null;
      try {
        id = Connection.chooseProvider(provider, parent.env);
      } catch (IllegalArgumentException e) {
        problems.add(e);
      }
      // A local file for a simulated provider that takes image URLs only is checked as the URL it becomes.
      boolean upload = id != null && Connection.simulates(Connection.factory(id), parent.env, common)
          && SimulatedUploads.needed(Connection.factory(id).capabilities(), request);
      ImageToVideoRequest checked = upload ? SimulatedUploads.standIn(request) : request;
      List<io.github.pixverse4j.api.Violation> violations =
          id == null || request == null ? List.of() : Connection.factory(id).capabilities().validate(checked);
      if (imageRefused) {
        violations = violations.stream().filter(v -> !"image".equals(v.field())).collect(java.util.stream.Collectors.toList());
      }
      if (problems.isEmpty() && !violations.isEmpty()) Connection.factory(id).capabilities().requireValid(checked);
      if (problems.size() == 1 && violations.isEmpty()) throw problems.get(0);
      if (!problems.isEmpty()) {
        StringBuilder b = new StringBuilder("Invalid request (nothing was sent): ");
        List<String> all = new ArrayList<>();
        for (RuntimeException e : problems) all.add(e.getMessage());
        for (io.github.pixverse4j.api.Violation v : violations) all.add(Messages.describe(v));
        for (int i = 0; i < all.size(); i++) {
          String m = all.get(i).trim();
          b.append(i == 0 ? "" : " ").append(m).append(m.endsWith(".") ? "" : ".");
        }
        throw new IllegalArgumentException(b.toString());
      }
      TaskJournal journal = JournalLocation.forConnection(id, parent.env, common);
      Map<String, String> labels = parent.targetLabels(noDownload, target);
      try (Connection c = Connection.open(id, parent.env, common, parent.err, journal)) {
        out.hint(c.resumeHint().output(target));
        parent.hint = out.hint();
        ImageToVideoRequest sent = upload ? SimulatedUploads.upload(c.simulator, c.factory.capabilities(), request, out)
            : request;
        c.factory.estimateUsd(sent).ifPresent(usd -> out.say("Estimated cost at %s's published prices: %s USD%s",
            c.factory.id(), usd.toPlainString(), c.simulated() ? " (simulated: nothing is charged)" : ""));
        out.waiting("Submitting the job to " + c.factory.id());
        return parent.followAndFinish(c, c.client.generate(sent, labels), common, null, noDownload, target, force,
            out);
      }
    }

    /** Runs {@code check}, noting its problem (an {@link IllegalArgumentException}) instead of stopping. */
    private static void note(List<RuntimeException> problems, Runnable check) {
      try {
        check.run();
      } catch (IllegalArgumentException e) {
        problems.add(e);
      }
    }

    /**
     * The request from the options that parse; each option that does not is noted in {@code
     * problems} and left out, so the provider's limits are still checked for the others. Null when
     * there is no image to build a request around.
     */
    private ImageToVideoRequest request(ImageInput imageInput, List<RuntimeException> problems) {
      ImageToVideoRequest.Builder b = ImageToVideoRequest.builder().prompt(prompt);
      if (imageInput != null) b.image(imageInput);
      if (negativePrompt != null) b.negativePrompt(negativePrompt);
      if (duration != null) {
        Integer seconds = durationSeconds(duration);
        if (seconds == null) {
          problems.add(new IllegalArgumentException(
              "--duration must be a whole number of seconds above 0 (e.g. 5 or 5s), got '" + duration.trim() + "'"));
        } else {
          b.durationSeconds(seconds);
        }
      }
      if (quality != null) {
        try {
          b.quality(Quality.parse(quality));
        } catch (IllegalArgumentException e) {
          problems.add(new IllegalArgumentException("--quality: " + e.getMessage(), e));
        }
      }
      if (seed != null) b.seed(seed);
      if (audio) b.audio(true);
      if (multiClip) b.multiClip(true);
      if (model != null) {
        ProviderCapabilities caps = chosenCapabilities();
        String m = model.trim();
        if (caps != null && m.equalsIgnoreCase(caps.model())) {
          // The model id the help shows as the default: the same as leaving --model out.
        } else if (caps != null && !m.toLowerCase(Locale.ROOT).matches("[v0-9].*")) {
          // Not a version such as v6 or 4.5 (Model.of would make "pixverse-x" into "vpixverse-x").
          problems.add(new IllegalArgumentException("--model " + m + " is not a model of " + caps.providerId()
              + ": use " + caps.model() + (caps.models().isEmpty() ? " (its only model) or leave out --model"
              : " (the default) or one of " + caps.models())));
        } else {
          try {
            b.model(Model.of(m));
          } catch (IllegalArgumentException e) {
            problems.add(new IllegalArgumentException("--model: " + e.getMessage(), e));
          }
        }
      }
      if (imageInput == null) return null;
      try {
        return b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(new IllegalArgumentException(e.getMessage(), e));
        return null;
      }
    }

    /** The capabilities of the provider this run will use; null when --provider names none (reported elsewhere). */
    private ProviderCapabilities chosenCapabilities() {
      try {
        return Connection.factory(Connection.chooseProvider(provider, parent.env)).capabilities();
      } catch (IllegalArgumentException e) {
        return null;
      }
    }

    /**
     * {@code --duration} in whole seconds: {@code 5}, {@code 5s} or any duration the other
     * options take ({@code 1m}); null when it is none or not a whole number of seconds above 0.
     */
    static Integer durationSeconds(String text) {
      Duration d;
      try {
        d = Durations.parse(text);
      } catch (RuntimeException notADuration) {
        return null;
      }
      if (d.isNegative() || d.isZero() || d.getNano() != 0 || d.getSeconds() > Integer.MAX_VALUE) return null;
      return (int) d.getSeconds();
    }

    /**
     * The image {@code --image} names: an http(s) URL; a {@code file:} URI (absolute:
     * {@code file:///home/me/cat.png}); or a path, relative to the working directory. A local file
     * is checked ({@link Preflight#imageFile}); each problem is noted in {@code problems}. Null
     * only when the text is no usable image reference at all.
     */
    /**
     * Whether the local check of the image file found a problem: the provider's own check of the
     * same file then says the same thing again (with another list of formats), so it is left out.
     */
    private boolean imageRefused;

    private ImageInput image(List<RuntimeException> problems) {
      String text = image.trim();
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        try {
          return ImageInput.url(text);
        } catch (IllegalArgumentException e) {
          problems.add(new IllegalArgumentException("--image: " + e.getMessage(), e));
          return null;
        }
      }
      Path file;
      if (lower.startsWith("file:")) {
        try {
          if (lower.startsWith("file:///") && text.contains(" ")) {
            // Typed by hand with the path's spaces as they are: not a valid URI, but unambiguous.
            text = text.substring(0, "file://".length()) + text.substring("file://".length()).replace(" ", "%20");
          }
          java.net.URI uri = new java.net.URI(text);
          String host = uri.getHost();
          if (uri.isOpaque() || (host != null && !host.equalsIgnoreCase("localhost"))) {
            throw new IllegalArgumentException("a file: URI must name an absolute path on this machine");
          }
          file = Paths.get(new java.net.URI("file", null, uri.getPath(), null));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          problems.add(new IllegalArgumentException("--image " + image.trim() + " is not a usable file: URI ("
              + (e instanceof java.net.URISyntaxException ? "not a valid URI" : e.getMessage())
              + "): write file:///home/me/cat.png, or just the path"));
          return null;
        }
      } else if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
        String scheme = text.substring(0, text.indexOf(':'));
        problems.add(new IllegalArgumentException("--image " + text + ": " + scheme + " URLs are not accepted;"
            + " give an http(s) URL, a file: URI (file:///home/me/cat.png) or the path of a local file"));
        return null;
      } else {
        file = parent.cwd.resolve(text).normalize();
      }
      int before = problems.size();
      note(problems, () -> Preflight.imageFile(file, chosenCapabilities()));
      imageRefused = problems.size() > before;
      return ImageInput.file(file);
    }
  }

  static final String OUTPUT_HELP = "Where to save the video. Default: pixverse4j-<provider>-<task id>.mp4"
      + " in the current directory.";
  static final String FORCE_HELP = "Overwrite the output file if it exists. Default: an existing file is never"
      + " overwritten.";
  static final String NO_DOWNLOAD_HELP = "Print the video URL instead of downloading the video (a simulated"
      + " task's URL stops working when the command ends). Default: download.";

  /** A command about an existing task, named by its token. */
  abstract static class TaskCommand implements Callable<Integer> {
    @ParentCommand Main parent;

    @Parameters(paramLabel = "TOKEN", description = "The task token printed by generate.") String token;

    @Override
    public final Integer call() throws Exception {
      TaskHandle h = TaskHandle.parse(token);
      Connect common = options();
      Output out = output(parent, common);
      VideoProviderFactory factory = Connection.factory(h.providerId());
      // Usage errors first: fixing the key would not help a user whose --base-url or --output is wrong.
      if (common.baseUrl != null) {
        try {
          io.github.pixverse4j.client.ClientConfig.builder().baseUrl(common.baseUrl);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--base-url " + common.baseUrl + ": " + e.getMessage(), e);
        }
      }
      checkBeforeConnecting(h);
      if (!Connection.key(factory, parent.env).isPresent()) {
        // A fresh simulator would not know the task: simulated tasks end with the command that made them.
        throw new io.github.pixverse4j.api.AuthenticationException(factory.apiKeyEnvironmentVariable()
            + " is not set: the task lives at the real " + factory.id() + " service and only its key can reach it"
            + " (a simulated task ended with the command that created it).",
            io.github.pixverse4j.api.ErrorDetails.provider(factory.id()));
      }
      TaskJournal journal =
          journaled() ? JournalLocation.forConnection(h.providerId(), parent.env, common) : null;
      try (Connection c = Connection.open(h.providerId(), parent.env, common, parent.err, journal)) {
        ResumeHint hint = c.resumeHint();
        // `resume` picks up only what the journal holds: a token from elsewhere is followed with watch.
        if (!c.simulated() && journal != null && !journal.entry(h.token()).isPresent()) {
          hint = ResumeHint.real(common.baseUrl, false);
        }
        out.hint(hint);
        parent.hint = hint;
        return run(h, c, out);
      } catch (Interrupted e) {
        out.interrupted("Interrupted: nothing more was asked of the provider.", h.token());
        return ExitCodes.INTERRUPTED;
      }
    }

    /** This command's options (each command declares only those that do something for it). */
    abstract Connect options();

    /** Refuses what can be refused before anything is sent. */
    void checkBeforeConnecting(TaskHandle h) {}

    /** Whether the task's end and download go into the task journal. */
    boolean journaled() {
      return false;
    }

    abstract int run(TaskHandle h, Connection c, Output out) throws Exception;
  }

  @Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = Version.class,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.VIDEO_SAVED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.TASK_FAILED_TEXT, ExitCodes.TIMEOUT_TEXT, ExitCodes.CANCELLED_TEXT, ExitCodes.INTERRUPTED_TEXT},
      description = "Resume following a task (after a crash, or on another machine), then download its video.")
  static final class Watch extends TaskCommand {
    @Mixin Follow common;
    @Option(names = "--output", paramLabel = "FILE", description = OUTPUT_HELP) Path output;
    @Option(names = "--force", description = FORCE_HELP) boolean force;
    @Option(names = "--no-download", description = NO_DOWNLOAD_HELP) boolean noDownload;

    @Override
    Connect options() {
      return common;
    }

    @Override
    void checkBeforeConnecting(TaskHandle h) {
      if (!noDownload) Preflight.outputTarget(output != null ? parent.resolveOutput(output) : parent.cwd, force);
    }

    @Override
    boolean journaled() {
      return true;
    }

    @Override
    int run(TaskHandle h, Connection c, Output out) throws Exception {
      out.waiting("Asking " + c.factory.id() + " for the task's status");
      Path target = parent.resolveOutput(output);
      // Recorded with the task when the journal does not know it yet, so a bare resume finishes
      // a watch that was killed: it downloads where this watch would have.
      Map<String, String> labels = parent.targetLabels(noDownload, target);
      return parent.followAndFinish(c, c.client.watch(h, labels), common, h.token(), noDownload,
          target, force, out);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Version.class,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.STATUS_PRINTED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.TASK_FAILED_TEXT, ExitCodes.CANCELLED_TEXT, ExitCodes.INTERRUPTED_TEXT},
      description = "Print a task's status once.")
  static final class Status extends TaskCommand {
    @Mixin Once common;

    @Override
    Connect options() {
      common.deadline = parent.onceDeadline;
      return common;
    }

    @Override
    boolean journaled() {
      return true;
    }

    @Override
    int run(TaskHandle h, Connection c, Output out) throws InterruptedException {
      out.waiting("Asking " + c.factory.id() + " for the task's status");
      TaskStatus s = parent.await(c.client.status(h));
      out.statusResult(s);
      return s.isTerminal() ? ExitCodes.forTerminal(s.state()) : ExitCodes.OK;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, versionProvider = Version.class,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.CANCEL_REQUESTED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.ALREADY_ENDED_TEXT, ExitCodes.INTERRUPTED_TEXT},
      description = "Ask the provider to cancel a task (where the provider can).")
  static final class Cancel extends TaskCommand {
    @Mixin Once common;

    @Override
    Connect options() {
      common.deadline = parent.onceDeadline;
      return common;
    }

    @Override
    boolean journaled() {
      return true;
    }

    @Override
    int run(TaskHandle h, Connection c, Output out) throws InterruptedException {
      out.waiting("Asking " + c.factory.id() + " to cancel the task");
      parent.await(c.client.cancel(h).toSingleDefault(Boolean.TRUE));
      // One more read, so that a cancellation the provider already carried out goes into the task
      // journal (tasks then no longer lists the task as needing attention); it is not worth an error.
      parent.await(c.client.status(h).map(s -> Boolean.TRUE).onErrorReturnItem(Boolean.FALSE));
      out.done();
      if (out.json()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "cancelled");
        m.put("task", h.token());
        out.line(m);
      } else {
        out.say("Cancellation requested for %s", h.token());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true, versionProvider = Version.class,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.VIDEO_DOWNLOADED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.AUTH_TEXT, ExitCodes.CREDITS_TEXT, ExitCodes.TASK_FAILED_TEXT, ExitCodes.CANCELLED_TEXT, ExitCodes.INTERRUPTED_TEXT},
      description = "Download the video of a finished task.")
  static final class Download extends TaskCommand {
    @Mixin Connect common;
    @Option(names = "--output", paramLabel = "FILE", description = OUTPUT_HELP) Path output;
    @Option(names = "--force", description = FORCE_HELP) boolean force;

    @Override
    Connect options() {
      return common;
    }

    private Path target(TaskHandle h) {
      Path target = parent.resolveOutput(output);
      return DownloadTargets.resolve(target != null ? target : parent.cwd, defaultName(h));
    }

    @Override
    void checkBeforeConnecting(TaskHandle h) {
      Preflight.outputTarget(target(h), force);
    }

    @Override
    boolean journaled() {
      return true;
    }

    @Override
    int run(TaskHandle h, Connection c, Output out) throws Exception {
      out.waiting("Asking " + c.factory.id() + " for the task's status");
      TaskStatus s = parent.await(c.client.status(h));
      out.done();
      if (s.state() != TaskState.SUCCEEDED) {
        int code = s.isTerminal() ? ExitCodes.forTerminal(s.state()) : ExitCodes.OTHER;
        out.error(new ErrorKinds.NoVideo("The task is " + s.state() + ", there is no video to download"
            + (s.isTerminal() ? "" : " yet: try again later or use watch")), h.token(), code, common.verbose);
        return code;
      }
      try {
        parent.download(c.client, s, target(h), out);
      } catch (Interrupted e) {
        out.interrupted("Interrupted: download stopped, no partial file left.", h.token());
        return ExitCodes.INTERRUPTED;
      }
      out.result(h.token(), s, target(h), ExitCodes.OK);
      return ExitCodes.OK;
    }
  }

  @Command(name = "providers", mixinStandardHelpOptions = true, versionProvider = Version.class,
      exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {ExitCodes.LISTED},
      description = "List the providers, whether their key is set, and what they accept.")
  static final class Providers implements Callable<Integer> {
    @ParentCommand Main parent;

    @Option(names = "--json", description = "One JSON object per provider, on one line each."
        + " Default: a few lines of text per provider.") boolean json;

    @Override
    public Integer call() {
      for (VideoProviderFactory f : Connection.factories()) {
        ProviderCapabilities caps = f.capabilities();
        boolean keySet = Connection.key(f, parent.env).isPresent();
        boolean simulator = Connection.simulatorOf(f.id()).isPresent();
        List<String> qualities = new ArrayList<>();
        for (Quality q : Quality.values()) if (caps.qualities().contains(q)) qualities.add(q.label());
        String price = f.priceDescription().orElse(null);
        if (json) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("id", f.id());
          m.put("name", f.displayName());
          m.put("model", caps.model());
          m.put("apiKeyVariable", f.apiKeyEnvironmentVariable());
          m.put("apiKeySet", keySet);
          m.put("defaultBaseUrl", f.defaultBaseUrl());
          m.put("maxPromptLength", caps.maxPromptLength());
          m.put("maxNegativePromptLength", caps.maxNegativePromptLength().orElse(null));
          m.put("durationsSeconds", new ArrayList<>(caps.durationsSeconds()));
          m.put("defaultDurationSeconds", caps.defaultDurationSeconds().orElse(null));
          m.put("qualities", qualities);
          m.put("defaultQuality", caps.defaultQuality().map(Quality::label).orElse(null));
          List<String> kinds = new ArrayList<>();
          for (ImageInput.Kind k : caps.imageKinds()) kinds.add(k.name());
          m.put("imageInputs", kinds);
          m.put("seed", caps.supportsSeed());
          m.put("audio", caps.supportsAudio());
          m.put("multiClip", caps.supportsMultiClip());
          List<String> models = new ArrayList<>();
          for (Model model : caps.models()) models.add(model.name());
          m.put("models", models);
          m.put("cancel", caps.supportsCancel());
          m.put("simulator", simulator);
          if (price != null) m.put("price", price);
          new Output(parent.out, parent.err, true, false).line(m);
        } else {
          parent.out.printf("%-10s %s%n", f.id(), f.displayName());
          parent.out.printf("           model %s; key %s (%s)%n", caps.model(), f.apiKeyEnvironmentVariable(),
              keySet ? "set" : simulator ? "not set: simulated" : "not set, and no simulator");
          parent.out.printf("           prompt <= %d chars; duration %s; quality %s; image %s; cancel %s%n",
              caps.maxPromptLength(), caps.describeDurations(), String.join("/", qualities),
              caps.imageKinds(), caps.supportsCancel() ? "yes" : "no");
          if (price != null) parent.out.printf("           price %s%n", price);
        }
      }
      parent.out.flush();
      return ExitCodes.OK;
    }
  }
}
