package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --help never wraps a line inside a path or URL (issue 24, defect 10). */
class HelpWrapTest {
  /**
   * A word with a slash in it: a path, a URL or a file: URI, without the sentence's punctuation.
   */
  private static final Pattern PATH = Pattern.compile("[^\\s(\"']*/[^\\s\"']*[^\\s.,;:)\"']");

  private static CommandLine model() {
    StringWriter sink = new StringWriter();
    return new Main(n -> null, new PrintWriter(sink), new PrintWriter(sink), Paths.get(""), false)
        .commandLine();
  }

  private static void collect(String name, CommandLine cl, Map<String, CommandLine> into) {
    into.put(name, cl);
    for (Map.Entry<String, CommandLine> s : cl.getSubcommands().entrySet()) {
      if (!s.getKey().equals(s.getValue().getCommandName())) continue; // an alias
      collect(name + " " + s.getKey(), s.getValue(), into);
    }
  }

  private static String usage(CommandLine cl, int width) {
    cl.setUsageHelpWidth(width);
    StringWriter w = new StringWriter();
    cl.usage(new PrintWriter(w, true), CommandLine.Help.Ansi.OFF);
    return w.toString();
  }

  private static List<String> paths(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PATH.matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }

  @Test
  @DisplayName(
      "every command's help at the default 80 columns keeps each path and URL on one line, whole")
  void noLineBreaksInsideAPath() {
    Map<String, CommandLine> commands = new LinkedHashMap<>();
    collect("pixverse4j", model(), commands);
    assertThat(commands.keySet())
        .contains("pixverse4j", "pixverse4j generate", "pixverse4j simulate", "pixverse4j extend");
    int checked = 0;
    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
      // So wide that nothing wraps: the paths as written.
      List<String> whole = paths(usage(c.getValue(), 4000));
      List<String> wrapped = new ArrayList<>();
      for (String line : usage(c.getValue(), 80).split("\\R")) wrapped.addAll(paths(line));
      for (String p : whole) {
        if (!wrapped.remove(p)) broken.add(c.getKey() + " --help: " + p);
        checked++;
      }
    }
    assertThat(checked).as("paths and URLs found in the help").isPositive();
    assertThat(broken).as("paths and URLs broken across lines").isEmpty();
  }
}
