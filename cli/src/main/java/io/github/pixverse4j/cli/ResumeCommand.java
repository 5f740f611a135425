package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.client.journal.FileTaskJournal;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.TaskJournal;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pixverse4j resume}: continues unfinished tasks from the task journal. */
@Command(
    name = "resume",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ALL_DELIVERED,
      ExitCodes.OTHER_TEXT,
      ExitCodes.USAGE_TEXT,
      ExitCodes.AUTH_TEXT,
      ExitCodes.CREDITS_TEXT,
      ExitCodes.TASK_FAILED_TEXT,
      ExitCodes.TIMEOUT_TEXT,
      ExitCodes.CANCELLED_TEXT,
      ExitCodes.INTERRUPTED_TEXT
    },
    description = {
      "Continue every unfinished task in the task journal (or the one given): watch it at the base"
          + " URL it was submitted to, then download its video to the output recorded at submit.",
      "Exits 0 when all of them delivered. Tasks another pixverse4j process is resuming are waited"
          + " for, never downloaded twice."
    })
final class ResumeCommand implements Callable<Integer> {
  @ParentCommand Main parent;
  @Mixin Options.Print print;
  @Mixin Options.Follow follow;

  @Parameters(
      paramLabel = "TOKEN",
      arity = "0..1",
      description = "Only this task (its token, as printed by generate or tasks).")
  String token;

  @Override
  public Integer call() throws Exception {
    FileTaskJournal journal = JournalLocation.open(parent.env);
    try {
      Output out = parent.output(print, follow.policy(false).deadline());
      List<JournalEntry> todo = new ArrayList<>();
      if (token != null) {
        Optional<JournalEntry> e = journal.entry(token);
        if (!e.isPresent()) {
          // Not an entry's id or token: a token that does not parse gets the token's shape, not
          // a suggestion to watch it.
          io.github.pixverse4j.api.TaskHandle.parse(token);
          throw new IllegalArgumentException(
              "No task "
                  + token
                  + " in the journal "
                  + journal.file()
                  + ": to follow a task from elsewhere, use pixverse4j watch "
                  + token);
        }
        todo.add(e.get());
      } else {
        for (JournalEntry e : journal.entries()) {
          if (e.isUnfinished()) {
            todo.add(e);
          } else if (TasksCommand.unanswered(e)) {
            out.say(
                "Not resumable: the submit of \"%s\" (%s, %s) was never answered; check %s's"
                    + " console for a job.",
                e.summary().getOrDefault("prompt", ""), e.provider(), e.createdAt(), e.provider());
          }
        }
        if (todo.isEmpty()) out.say("Nothing to resume in %s", journal.file());
      }
      int code = ExitCodes.OK;
      int delivered = 0;
      // Oldest first: the order the user started them in. With several, each task's lines follow a
      // header naming it, and a summary ends the run.
      for (int i = todo.size() - 1, n = 1; i >= 0; i--, n++) {
        JournalEntry e = todo.get(i);
        if (todo.size() > 1)
          out.say("Resuming %d of %d: %s", n, todo.size(), e.token().orElse(e.id()));
        int one = resume(journal, e, out);
        if (one == ExitCodes.INTERRUPTED) return one;
        if (one == ExitCodes.OK) delivered++;
        if (code == ExitCodes.OK) code = one;
      }
      if (todo.size() > 1) out.say("%d of %d delivered", delivered, todo.size());
      return code;
    } finally {
      journal.close();
    }
  }

  private int resume(TaskJournal journal, JournalEntry entry, Output out) throws Exception {
    TaskJournal.Claim claim = journal.tryClaim(entry.id()).orElse(null);
    if (claim == null) {
      out.say(
          "%s is being resumed by another pixverse4j process; waiting for it.",
          entry.token().orElse(entry.id()));
      claim = journal.claim(entry.id());
    }
    try {
      // Read again under the claim: another process may have delivered it meanwhile.
      JournalEntry fresh = journal.entry(entry.id()).orElse(entry);
      if (!fresh.isUnfinished()) return alreadyDone(fresh, out);
      VideoProviderFactory f = Connection.factory(fresh.provider());
      if (!Connection.key(f, parent.env).isPresent()) {
        throw new IllegalArgumentException(
            "Cannot resume "
                + fresh.token().get()
                + ": "
                + f.apiKeyEnvironmentVariable()
                + " is not set (resume never simulates).");
      }
      // Each task at the base URL recorded at submit (the provider's own service when none was).
      Connection.Settings settings =
          new Connection.Settings(fresh.endpoint().orElse(null), false, follow::policy);
      Path target = fresh.target().map(Paths::get).orElse(null);
      if (target != null) removeLeftoverParts(target, Delivery.defaultName(fresh.handle().get()));
      try (Connection c =
          Connection.open(fresh.provider(), parent.env, settings, parent.err, journal)) {
        parent.hint = c.resumeHint();
        out.hint(c.resumeHint());
        // The target was checked and reserved at submit; a file there now is this task's own
        // video from a run killed after saving it and before recording that, so it is replaced.
        return new Delivery(parent, c, out, print.verbose)
            .followAndSave(
                c.client.resume(fresh), fresh.token().get(), target == null, target, true);
      }
    } finally {
      claim.close();
    }
  }

  private static int alreadyDone(JournalEntry e, Output out) {
    switch (e.phase()) {
      case DOWNLOADED:
        out.say(
            "%s was already saved to %s", e.token().orElse(e.id()), e.downloadedFile().orElse("?"));
        return ExitCodes.OK;
      case SUCCEEDED:
        out.say("%s succeeded: %s", e.token().orElse(e.id()), String.join(" ", e.videoUrls()));
        return ExitCodes.OK;
      case CANCELLED:
        out.say("%s was cancelled", e.token().orElse(e.id()));
        return ExitCodes.CANCELLED;
      case FAILED:
      case GONE:
        out.say(
            "%s %s: %s",
            e.token().orElse(e.id()),
            e.phase() == JournalEntry.Phase.GONE ? "is no longer known to the provider" : "failed",
            e.message().orElse(""));
        return ExitCodes.TASK_FAILED;
      default:
        out.say(
            "%s has no task handle (%s): check %s's console for a job",
            e.id(), e.phase(), e.provider());
        return ExitCodes.OTHER;
    }
  }

  /**
   * Deletes the temporary files a download killed mid-way left next to the target (named {@code
   * .<name>.<random>.part}); only this task's, and only while this process holds its claim.
   */
  static void removeLeftoverParts(Path target, String defaultName) throws IOException {
    Path file =
        io.github.pixverse4j.client.DownloadTargets.resolve(target, defaultName).toAbsolutePath();
    Path dir = file.getParent();
    if (dir == null || !Files.isDirectory(dir)) return;
    String prefix = "." + file.getFileName() + ".";
    try (DirectoryStream<Path> parts =
        Files.newDirectoryStream(
            dir,
            p -> {
              String n = p.getFileName().toString();
              return n.startsWith(prefix) && n.endsWith(".part");
            })) {
      for (Path p : parts) Files.deleteIfExists(p);
    }
  }
}
