package io.github.pixverse4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code pixverse4j --version} and {@code pixverse4j --help} without building the whole command
 * model. picocli inspects every command class by reflection before it parses a word, and that
 * resolves the types of every method of every command (RxJava, the client, the simulators): about
 * 60 % of those two commands' start-up (benchmarks/results/startup.md). The top help needs only the
 * commands' names and descriptions, which the {@link Command} annotations give without that
 * inspection; {@code QuickStartTest} proves both outputs equal the full model's.
 */
final class QuickStart {
  private QuickStart() {}

  /**
   * Runs {@code args} if they are exactly {@code --version}/{@code -V} or {@code --help}/{@code -h}
   * and returns the exit code; null for anything else, which the full model runs.
   */
  static Integer run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length != 1) return null;
    switch (args[0]) {
      case "--version":
      case "-V":
        for (String line : new Version().getVersion()) out.println(line);
        out.flush();
        return ExitCodes.OK;
      case "--help":
      case "-h":
        // As Main.execute does: a bad entry in an add-on jar explains a provider missing from the
        // help.
        for (String problem : Connection.loadProblems()) err.println("pixverse4j: " + problem);
        err.flush();
        CommandLine cl = new CommandLine(topSpec());
        cl.setResourceBundle(new HelpText());
        cl.usage(out);
        out.flush();
        return ExitCodes.OK;
      default:
        return null;
    }
  }

  /** The top command with its options and its commands' names and descriptions only. */
  static CommandSpec topSpec() {
    Command top = Main.class.getAnnotation(Command.class);
    CommandSpec spec = describe(CommandSpec.create(), top);
    spec.usageMessage().footer(Main.ROOT_FOOTER);
    for (Class<?> sub : top.subcommands()) {
      Command c = sub.getAnnotation(Command.class);
      spec.addSubcommand(c.name(), describe(CommandSpec.create(), c));
    }
    return spec;
  }

  private static CommandSpec describe(CommandSpec spec, Command c) {
    spec.name(c.name()).aliases(c.aliases());
    spec.usageMessage().description(c.description()).hidden(c.hidden());
    if (c.mixinStandardHelpOptions()) {
      // The options picocli adds for mixinStandardHelpOptions, with its own descriptions.
      spec.addOption(
          OptionSpec.builder("-h", "--help")
              .usageHelp(true)
              .description("Show this help message and exit.")
              .build());
      spec.addOption(
          OptionSpec.builder("-V", "--version")
              .versionHelp(true)
              .description("Print version information and exit.")
              .build());
    }
    return spec;
  }
}
