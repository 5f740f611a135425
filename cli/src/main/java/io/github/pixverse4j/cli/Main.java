package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.VideoApiException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code pixverse4j} command: wires the subcommands (one class each) to the streams, the
 * environment and the working directory they share, and turns errors into messages and exit codes.
 * {@code --help} and {@code --version} are declared here once and inherited by every subcommand.
 */
@Command(
    name = "pixverse4j",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    // The help shows HelpText's version of this description, which names each provider's variable.
    description =
        "Turn one image and a prompt into a video with a hosted PixVerse API.%nAPI keys come from"
            + " environment variables only (`pixverse4j providers` names them). Without the chosen"
            + " provider's key (or with --simulate) the provider is simulated in-process.",
    subcommands = {
      GenerateCommand.class,
      ExtendCommand.class,
      BatchCommand.class,
      WatchCommand.class,
      StatusCommand.class,
      CancelCommand.class,
      DownloadCommand.class,
      ProvidersCommand.class,
      TasksCommand.class,
      ResumeCommand.class,
      SimulateCommand.class,
      Completion.class
    })
public final class Main implements Callable<Integer> {
  /** The top command's footer, set after construction so that the commands do not inherit it. */
  static final String ROOT_FOOTER = "%nEach command's --help lists its exit codes.";

  /** How long Ctrl-C waits for the command to print its last line and JSON object. */
  static final long SHUTDOWN_GRACE_MILLIS = 5_000;

  final Env env;
  final PrintWriter out;
  final PrintWriter err;
  final Path cwd;
  final boolean terminal;

  /** Standard input, read by {@code --prompt -}; tests supply their own. */
  java.io.InputStream in = System.in;

  /** The one interruptible wait every command uses; Ctrl-C interrupts it. */
  final Waits waits = new Waits();

  /**
   * How to follow the task of the command running now (its connection's base URL, or simulated), so
   * that an error reported after the command gave up names a command that reaches the task.
   */
  volatile ResumeHint hint = ResumeHint.real(null);

  /** How long status and cancel retry a provider that does not answer; tests shorten it. */
  Duration onceDeadline = TaskCommand.ONCE_DEADLINE;

  Main(Env env, PrintWriter out, PrintWriter err, Path cwd, boolean terminal) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.cwd = cwd;
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    Main main =
        new Main(Env.system(), out, err, Paths.get("").toAbsolutePath(), System.console() != null);
    CountDownLatch finished = new CountDownLatch(1);
    // The JVM halts as soon as its shutdown hooks return, so on Ctrl-C the hook waits (bounded)
    // until the command has printed what happened: without that wait the last line was lost.
    Thread hook =
        new Thread(() -> main.shutdown(finished, SHUTDOWN_GRACE_MILLIS), "pixverse4j-interrupt");
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

  /** Stops the work in progress (Ctrl-C): polling stops, the task goes on at the provider. */
  void interrupt() {
    waits.interrupt();
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
    // Set after construction, so that only the top command has it (the others inherit the rest).
    cl.getCommandSpec().usageMessage().footer(ROOT_FOOTER);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          CommandLine.ParseResult sub = parseResult.subcommand();
          boolean verbose =
              parseResult.hasMatchedOption("--verbose")
                  || (sub != null && sub.hasMatchedOption("--verbose"));
          // With --json the error is a JSON object on stdout too, whatever step it came from.
          boolean json = sub != null && sub.hasMatchedOption("--json");
          int code = ExitCodes.forError(e);
          Output o = new Output(out, err, json, false);
          o.hint(hint);
          o.error(e, tokenOf(e), code, verbose);
          return code;
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          String message = Messages.usage(e);
          // picocli could not read the line, so --json was never set: look for it among the words.
          if (Arrays.asList(args).contains("--json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "error");
            m.put("error", ErrorKinds.INVALID_INPUT);
            m.put("message", message);
            m.put("exitCode", ExitCodes.USAGE);
            new Output(out, err, true, false).line(m);
          }
          err.println("Error: " + message);
          String name = e.getCommandLine().getCommandName();
          err.println(
              "Run 'pixverse4j "
                  + (name.equals("pixverse4j") ? "" : name + " ")
                  + "--help' for usage.");
          err.flush();
          return ExitCodes.USAGE;
        });
    return cl;
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(out);
    return ExitCodes.USAGE;
  }

  /**
   * The output of a command with these print options, which gives up watching after {@code limit}.
   */
  Output output(Options.Print print, Duration limit) {
    Output o = new Output(out, err, print.json, terminal && !print.json);
    o.watchLimit(limit);
    return o;
  }

  /** {@code output} resolved against the working directory; null when not given. */
  Path resolveOutput(Path output) {
    return output == null ? null : cwd.resolve(output).normalize();
  }

  static String tokenOf(Throwable e) {
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
}
