package io.github.pixverse4j.cli;

import io.github.pixverse4j.client.batch.BatchRunner;
import io.github.pixverse4j.client.journal.FileTaskJournal;
import io.github.pixverse4j.client.journal.JournalEntry;
import io.github.pixverse4j.client.journal.JournalRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pixverse4j tasks}: what the task journal holds. */
@Command(
    name = "tasks",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.LISTED, ExitCodes.OTHER_TEXT, ExitCodes.USAGE_TEXT},
    description = {
      "List the tasks in the task journal, newest first: those that still need attention,"
          + " or all of them with --all.",
      // A path starts its line: picocli would break "~/." from "local/..." (HelpWrapTest).
      "The journal is in $PIXVERSE4J_HOME, else $XDG_STATE_HOME/pixverse4j, else in",
      "~/.local/state/pixverse4j. Simulated tasks are never in it."
    })
final class TasksCommand implements Callable<Integer> {
  @ParentCommand Main parent;

  @Option(
      names = "--json",
      description = "One JSON object per task on stdout. Default: a table for people.")
  boolean json;

  @Option(
      names = "--all",
      description =
          "Include finished tasks (downloaded, failed, cancelled, refused). Default: only"
              + " unfinished ones.")
  boolean all;

  @Option(
      names = "--forget",
      paramLabel = "ID",
      description =
          "Dismiss an entry whose submit was never answered (its id from --json), once you have"
              + " checked the provider's console. Accepted tasks cannot be forgotten: resume them."
              + " Default: list, forget nothing.")
  String forget;

  @Override
  public Integer call() {
    FileTaskJournal journal = JournalLocation.open(parent.env);
    try {
      if (forget != null) return forget(journal);
      List<JournalEntry> shown = new ArrayList<>();
      for (JournalEntry e : journal.entries()) if (all || !e.isFinished()) shown.add(e);
      Instant now = Instant.now();
      Output out = new Output(parent.out, parent.err, json, false);
      if (shown.isEmpty() && !json) {
        parent.err.printf(
            "No %stasks in the journal %s%n", all ? "" : "unfinished ", journal.file());
        parent.err.flush();
      }
      // Batch items are listed after the other tasks, grouped under their batch.
      Map<String, List<JournalEntry>> batches = new LinkedHashMap<>();
      for (JournalEntry e : shown) {
        String batch = e.labels().get(BatchRunner.LABEL_BATCH);
        if (batch != null && !json) {
          batches.computeIfAbsent(batch, b -> new ArrayList<>()).add(e);
          continue;
        }
        print(e, json, out, now, "");
      }
      for (Map.Entry<String, List<JournalEntry>> b : batches.entrySet()) {
        parent.out.printf(
            "Batch %s (%d item%s; `pixverse4j batch FILE --output-dir DIR` again resumes it):%n",
            b.getKey(), b.getValue().size(), b.getValue().size() == 1 ? "" : "s");
        for (JournalEntry e : b.getValue()) print(e, false, out, now, "  ");
      }
      parent.out.flush();
      return ExitCodes.OK;
    } finally {
      journal.close();
    }
  }

  private void print(JournalEntry e, boolean json, Output out, Instant now, String indent) {
    if (json) {
      out.line(toJson(e, now));
      return;
    }
    String item = e.labels().get(BatchRunner.LABEL_ITEM);
    parent.out.printf(
        "%s%-6s %-15s %-10s %s  %s%n",
        indent,
        age(Duration.between(e.createdAt(), now)),
        state(e),
        e.provider(),
        (item == null ? "" : item + ": ") + e.downloadedFile().orElse(e.target().orElse("-")),
        e.token().orElse("(no handle)"));
    if (unanswered(e)) {
      parent.out.printf(
          "%s       prompt \"%s\" at %s: no answer to the submit was recorded; unless a"
              + " pixverse4j is still submitting it, check the provider's console for a job,"
              + " then `pixverse4j tasks --forget %s`%n",
          indent, e.summary().getOrDefault("prompt", ""), e.createdAt(), e.id());
    }
  }

  private int forget(FileTaskJournal journal) {
    java.util.Optional<JournalEntry> found = journal.entry(forget);
    String problem = null;
    if (!found.isPresent()) {
      problem =
          "No task "
              + forget
              + " in the journal "
              + journal.file()
              + " (ids are in `pixverse4j tasks --all --json`).";
    } else if (found.get().token().isPresent()) {
      problem =
          "Task "
              + forget
              + " was accepted by "
              + found.get().provider()
              + " ("
              + found.get().phase()
              + "), so it is a job and cannot be forgotten: `pixverse4j resume "
              + found.get().token().get()
              + "` continues it.";
    } else if (!unanswered(found.get())) {
      problem =
          "Task "
              + forget
              + " needs no attention ("
              + found.get().phase()
              + "); nothing to forget.";
    }
    if (problem != null) {
      parent.err.println(problem);
      parent.err.flush();
      return ExitCodes.USAGE;
    }
    journal.append(
        JournalRecord.forgotten(forget, Instant.now(), "forgotten with pixverse4j tasks --forget"));
    parent.err.printf(
        "Forgot the unanswered submit %s (prompt \"%s\", %s): `tasks` no longer lists it. Should"
            + " its answer still arrive, the task is listed again.%n",
        forget, found.get().summary().getOrDefault("prompt", ""), found.get().createdAt());
    parent.err.flush();
    return ExitCodes.OK;
  }

  /**
   * Whether {@code e} is a submit that was never answered, so a job may exist at the provider: the
   * entries {@code tasks} asks a person to check in the provider's console and that {@code
   * --forget} dismisses (one rule for both; one the provider refused, NOT_ACCEPTED, created
   * nothing).
   */
  static boolean unanswered(JournalEntry e) {
    return !e.token().isPresent() && !e.phase().isEnded();
  }

  /**
   * The state of a task that succeeded and whose video this command was to save but has not yet.
   */
  static final String TO_DOWNLOAD = "TO_DOWNLOAD";

  /**
   * The state a person acts on: an accepted task whose video is not saved yet is still to download.
   * Every other state is the journal's phase; {@link #states()} lists them all (so does the
   * README).
   */
  static String state(JournalEntry e) {
    if (e.phase() == JournalEntry.Phase.SUCCEEDED && e.isUnfinished()) return TO_DOWNLOAD;
    return e.phase().name();
  }

  /**
   * Every state {@code tasks} can show, in the journal's order with TO_DOWNLOAD after SUCCEEDED.
   */
  static List<String> states() {
    List<String> all = new ArrayList<>();
    for (JournalEntry.Phase p : JournalEntry.Phase.values()) {
      if (p == JournalEntry.Phase.SUCCEEDED) all.add(TO_DOWNLOAD);
      all.add(p.name());
    }
    return all;
  }

  static Map<String, Object> toJson(JournalEntry e, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("state", state(e));
    // Two different questions: the default list is what needs attention (a lost submit included),
    // while only some of those can be continued by resume.
    m.put("needsAttention", !e.isFinished());
    m.put("unfinished", e.isUnfinished());
    m.put("provider", e.provider());
    e.model().ifPresent(v -> m.put("model", v));
    m.put("createdAt", e.createdAt().toString());
    m.put("updatedAt", e.updatedAt().toString());
    m.put("ageSeconds", Duration.between(e.createdAt(), now).getSeconds());
    e.token().ifPresent(v -> m.put("task", v));
    e.endpoint().ifPresent(v -> m.put("baseUrl", v));
    e.target().ifPresent(v -> m.put("target", v));
    String batch = e.labels().get(BatchRunner.LABEL_BATCH);
    if (batch != null) {
      m.put("batch", batch);
      m.put("batchItem", e.labels().get(BatchRunner.LABEL_ITEM));
    }
    e.downloadedFile().ifPresent(v -> m.put("file", v));
    if (!e.videoUrls().isEmpty()) m.put("videos", e.videoUrls());
    e.message().ifPresent(v -> m.put("message", v));
    if (!e.summary().isEmpty()) m.put("request", e.summary());
    return m;
  }

  static String age(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 60) return s + "s";
    if (s < 3600) return s / 60 + "m";
    if (s < 86400) return s / 3600 + "h";
    return s / 86400 + "d";
  }
}
