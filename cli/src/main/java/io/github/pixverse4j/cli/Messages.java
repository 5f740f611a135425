package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.InvalidRequestException;
import io.github.pixverse4j.api.TaskTimeoutException;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.api.Violation;
import io.github.pixverse4j.api.internal.DurationText;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the library's messages, written for Java programmers, into the command's language: option
 * names instead of request fields, and what to do on the command line instead of which method to
 * call. Durations need no translation: the library writes them as the options take them ({@code
 * 2s}, {@code 20m}, with {@link DurationText}).
 */
final class Messages {
  /** Request fields (as {@link Violation#field()} names them) and the options that set them. */
  static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("negativePrompt", "--negative-prompt");
    FLAGS.put("multiClip", "--multi-clip");
    FLAGS.put("prompt", "--prompt");
    FLAGS.put("duration", "--duration");
    FLAGS.put("quality", "--quality");
    FLAGS.put("image", "--image");
    FLAGS.put("seed", "--seed");
    FLAGS.put("audio", "--audio");
    FLAGS.put("model", "--model");
  }

  private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+[A-Z]\\w*\\b");
  private static final String TOKEN_ADVICE = "Use the exact string printed by TaskHandle.token().";

  /** What a task token looks like and where to find one, for the command's users. */
  static final String TOKEN_HELP =
      "Use the token printed by generate (\"Task: …\", once the provider accepts the job) or listed"
          + " by `pixverse4j tasks`; a token is pv4j.1. and three encoded parts (provider, model,"
          + " task id), such as pv4j.1.cGl4dmVyc2U.djQuNQ.MzcxMjM0NTY3ODkwMTIzNDU2.";

  private Messages() {}

  /** The sentence the command prints for {@code e}. */
  static String of(Throwable e, ResumeHint hint, Duration watchLimit) {
    if (e instanceof TaskTimeoutException)
      return timeout((TaskTimeoutException) e, hint, watchLimit);
    if (e instanceof InvalidRequestException
        && !((InvalidRequestException) e).violations().isEmpty()) {
      return invalid((InvalidRequestException) e);
    }
    String message =
        e instanceof VideoApiException ? ((VideoApiException) e).baseMessage() : e.getMessage();
    if (message == null) message = e.toString();
    return message.replace(TOKEN_ADVICE, TOKEN_HELP);
  }

  /** One sentence listing every violation, in option names. */
  static String invalid(InvalidRequestException e) {
    StringBuilder b = new StringBuilder("Invalid request (nothing was sent): ");
    for (int i = 0; i < e.violations().size(); i++) {
      if (i > 0) b.append(' ');
      b.append(describe(e.violations().get(i)));
    }
    return b.toString();
  }

  /** A violation in the command's terms. */
  static String describe(Violation v) {
    String message = v.message();
    String flag = FLAGS.get(v.field());
    if (flag != null) {
      message =
          message
              .replace("leave " + v.field() + " unset", "leave out " + flag)
              .replace("; leave it unset", "; leave out " + flag);
      if (message.startsWith(v.field() + " "))
        message = flag + message.substring(v.field().length());
      if (!v.field().equals(v.field().toLowerCase(java.util.Locale.ROOT)))
        message = message.replace(v.field(), flag);
    }
    Matcher m = CAMEL_CASE.matcher(message);
    StringBuffer b = new StringBuffer();
    while (m.find()) {
      String f = FLAGS.get(m.group());
      m.appendReplacement(b, Matcher.quoteReplacement(f != null ? f : m.group()));
    }
    message = m.appendTail(b).toString();
    return flag == null || message.contains(flag) ? message : flag + ": " + message;
  }

  /**
   * picocli's message for a command line it could not read, in the command's words: a value of the
   * wrong type names the option and what it takes ("--seed takes a whole number, not 'abc'")
   * instead of Java's type ("'abc' is not a long").
   */
  static String usage(picocli.CommandLine.ParameterException e) {
    Matcher m = NOT_A_TYPE.matcher(String.valueOf(e.getMessage()));
    if (!m.matches()) return e.getMessage();
    String type = m.group(4).toLowerCase(java.util.Locale.ROOT);
    String what =
        type.matches("long|int|short|byte|integer|biginteger")
            ? "a whole number"
            : type.matches("double|float|bigdecimal|number") ? "a number" : "a " + type;
    return m.group(2) + " takes " + what + ", not '" + m.group(3) + "'.";
  }

  /** picocli's "Invalid value for option '--seed': 'abc' is not a long". */
  private static final Pattern NOT_A_TYPE =
      Pattern.compile(
          "Invalid value for (option|positional parameter) '([^']+)': '(.*)' is not an? (\\w+)\\.?",
          Pattern.DOTALL);

  private static String timeout(TaskTimeoutException e, ResumeHint hint, Duration watchLimit) {
    return "Stopped waiting after "
        + DurationText.of(watchLimit)
        + " (--timeout)"
        + e.lastStatus().map(s -> "; the task was last seen " + s.state()).orElse("")
        + (hint.isSimulated() ? "." : ". It may still finish at the provider.");
  }
}
