package io.github.pixverse4j.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints a bash/zsh completion script generated from the command model, so it never lags behind it.
 */
@Command(
    name = "completion",
    description = {
      "Print a completion script for bash and zsh, generated from the commands and options.",
      // A path starts its line: picocli would break it after "~/." (HelpWrapTest).
      "bash: source <(pixverse4j completion), or save it as",
      "~/.local/share/bash-completion/completions/pixverse4j.",
      "zsh: autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;"
          + " source <(pixverse4j completion)."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.SCRIPT_PRINTED, ExitCodes.USAGE_TEXT})
final class Completion implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
