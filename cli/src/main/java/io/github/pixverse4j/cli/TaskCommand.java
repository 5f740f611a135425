package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.AuthenticationException;
import io.github.pixverse4j.api.ErrorDetails;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.TaskJournal;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A command about an existing task, named by its token, at the real service (a fresh simulator
 * would not know it): watch, status, cancel, download.
 */
abstract class TaskCommand implements Callable<Integer> {
  /**
   * How long a one-shot command (status, cancel) keeps retrying an unreachable or failing provider:
   * it rides out a short outage, but does not keep a "print once" command waiting for a host that
   * never answers (the library's status read retries until the policy's deadline).
   */
  static final Duration ONCE_DEADLINE = Duration.ofSeconds(60);

  @ParentCommand Main parent;
  @Mixin Options.Print print;
  @Mixin Options.BaseUrl baseUrl;

  @Parameters(paramLabel = "TOKEN", description = "The task token printed by generate.")
  String token;

  /**
   * The task's entry in the journal while the command runs; null when the journal does not hold it.
   */
  io.github.pixverse4j.client.journal.JournalEntry journaled;

  @Override
  public final Integer call() throws Exception {
    TaskHandle h = TaskHandle.parse(token);
    Output out = parent.output(print, policy(false).deadline());
    VideoProviderFactory factory = Connection.factory(h.providerId());
    // Usage errors first: fixing the key would not help a user whose --base-url or --output is
    // wrong.
    String url = baseUrl.checked();
    TaskJournal journal = JournalLocation.forConnection(h.providerId(), parent.env, false);
    journaled = journal == null ? null : journal.entry(h.token()).orElse(null);
    if (url == null && journaled != null && journaled.endpoint().isPresent()) {
      // The task lives where it was submitted: the provider's default host does not know it.
      url = journaled.endpoint().get();
      out.say("Using the base URL the task journal recorded for this task: %s", url);
    }
    checkBeforeConnecting(h);
    if (!Connection.key(factory, parent.env).isPresent()) {
      // A fresh simulator would not know the task: simulated tasks end with the command that made
      // them.
      throw new AuthenticationException(
          factory.apiKeyEnvironmentVariable()
              + " is not set: the task lives at the real "
              + factory.id()
              + " service and only its key can reach it"
              + " (a simulated task ended with the command that created it).",
          ErrorDetails.provider(factory.id()));
    }
    Connection.Settings settings =
        new Connection.Settings(url, false, this::policy, print.httpLog(parent.err));
    try (Connection c =
        Connection.open(h.providerId(), parent.env, settings, parent.err, journal)) {
      // `resume` picks up only what the journal holds: a token from elsewhere is followed with
      // watch.
      ResumeHint hint = journaled != null ? c.resumeHint() : ResumeHint.real(url, false);
      // A task whose end the journal holds (its video saved, say) has nothing left to resume.
      if (journaled != null && journaled.isFinished()) hint = hint.ended();
      out.hint(hint);
      parent.hint = hint;
      return run(h, c, out);
    } catch (Waits.CommandInterruptedException e) {
      out.interrupted("Interrupted: nothing more was asked of the provider.", h.token());
      return ExitCodes.INTERRUPTED;
    }
  }

  /** The polling policy of this command's client. */
  PollingPolicy policy(boolean simulated) {
    return PollingPolicy.defaults();
  }

  /** The policy of a one-shot command: the defaults with {@link Main#onceDeadline}. */
  final PollingPolicy once() {
    return PollingPolicy.defaults().toBuilder().deadline(parent.onceDeadline).build();
  }

  /** Refuses what can be refused before anything is sent. */
  void checkBeforeConnecting(TaskHandle h) {}

  abstract int run(TaskHandle h, Connection c, Output out) throws Exception;
}
