package io.github.pixverse4j.client.journal;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Folds records into entries, and decides which records compaction keeps. */
final class JournalFold {
  final List<JournalEntry> entries;

  /** For each record (in input order), the id of the entry it belongs to. */
  private final List<String> owners;

  private final List<JournalRecord> records;
  private final Map<String, String> idByToken;

  private JournalFold(
      List<JournalEntry> entries,
      List<String> owners,
      List<JournalRecord> records,
      Map<String, String> idByToken) {
    this.entries = entries;
    this.owners = owners;
    this.records = records;
    this.idByToken = idByToken;
  }

  /** The id of the entry that {@code r} would belong to if it followed the folded records. */
  String ownerOf(JournalRecord r) {
    if (r.id() != null) return r.id();
    String id = idByToken.get(r.token());
    return id != null ? id : r.token();
  }

  private static final class Draft {
    final String id;
    final int order;
    Instant createdAt;
    Instant updatedAt;
    String provider;
    String model;
    String endpoint;
    Map<String, String> summary = Collections.emptyMap();
    Map<String, String> labels = Collections.emptyMap();
    String token;
    JournalEntry.Phase phase = JournalEntry.Phase.SUBMITTING;
    List<String> videoUrls = Collections.emptyList();
    String message;
    String file;

    Draft(String id, int order, Instant time) {
      this.id = id;
      this.order = order;
      this.createdAt = time;
      this.updatedAt = time;
    }

    JournalEntry build() {
      return new JournalEntry(
          id, createdAt, updatedAt, provider, model, endpoint, summary, labels, token, phase,
          videoUrls, message, file);
    }
  }

  static JournalFold fold(List<JournalRecord> records) {
    Map<String, Draft> byId = new LinkedHashMap<>();
    Map<String, String> idByToken = new HashMap<>();
    List<String> owners = new ArrayList<>(records.size());
    for (JournalRecord r : records) {
      String id = r.id() != null ? r.id() : idByToken.get(r.token());
      if (id == null) id = r.token();
      Draft d = byId.get(id);
      if (d == null) {
        d = new Draft(id, byId.size(), r.time());
        byId.put(id, d);
        if (r.kind() != JournalRecord.Kind.INTENT && r.token() != null) {
          d.phase = JournalEntry.Phase.ACCEPTED;
          fillFromToken(d, r.token());
        }
      }
      owners.add(id);
      if (r.time().isBefore(d.createdAt)) d.createdAt = r.time();
      if (r.time().isAfter(d.updatedAt)) d.updatedAt = r.time();
      if (r.token() != null && d.token == null) {
        d.token = r.token();
        idByToken.put(r.token(), id);
      }
      switch (r.kind()) {
        case INTENT:
          d.provider = r.provider();
          d.model = r.model();
          d.endpoint = r.endpoint();
          d.summary = r.summary();
          d.labels = r.labels();
          break;
        case ACCEPTED:
          // A watched task's record carries what an intent would have; an intent's values win.
          if (r.provider() != null && d.provider == null) d.provider = r.provider();
          if (r.model() != null && d.model == null) d.model = r.model();
          if (r.endpoint() != null && d.endpoint == null) d.endpoint = r.endpoint();
          if (!r.labels().isEmpty() && d.labels.isEmpty()) d.labels = r.labels();
          // A forgotten submit that turns out to have been accepted is a billed job again.
          if (d.phase == JournalEntry.Phase.SUBMITTING
              || d.phase == JournalEntry.Phase.OUTCOME_UNKNOWN
              || d.phase == JournalEntry.Phase.FORGOTTEN) {
            d.phase = JournalEntry.Phase.ACCEPTED;
          }
          break;
        case OUTCOME_UNKNOWN:
        case NOT_ACCEPTED:
          if (d.phase == JournalEntry.Phase.SUBMITTING) {
            d.phase =
                r.kind() == JournalRecord.Kind.OUTCOME_UNKNOWN
                    ? JournalEntry.Phase.OUTCOME_UNKNOWN
                    : JournalEntry.Phase.NOT_ACCEPTED;
            d.message = r.message();
          }
          break;
        case TERMINAL:
          if (d.phase != JournalEntry.Phase.DOWNLOADED) {
            d.phase = phaseOf(r.state());
            d.message = r.message();
          }
          if (!r.videoUrls().isEmpty()) d.videoUrls = r.videoUrls();
          break;
        case GONE:
          if (!d.phase.isEnded()) {
            d.phase = JournalEntry.Phase.GONE;
            d.message = r.message();
          }
          break;
        case FORGOTTEN:
          if (d.phase == JournalEntry.Phase.SUBMITTING
              || d.phase == JournalEntry.Phase.OUTCOME_UNKNOWN) {
            d.phase = JournalEntry.Phase.FORGOTTEN;
            d.message = r.message();
          }
          break;
        case DOWNLOADED:
          d.phase = JournalEntry.Phase.DOWNLOADED;
          d.file = r.file();
          break;
        default:
          throw new AssertionError(r.kind());
      }
    }
    List<Draft> drafts = new ArrayList<>(byId.values());
    // Newest first; entries created in the same millisecond keep their reverse order of appearance.
    drafts.sort(
        (a, b) -> {
          int c = b.createdAt.compareTo(a.createdAt);
          return c != 0 ? c : Integer.compare(b.order, a.order);
        });
    List<JournalEntry> entries = new ArrayList<>(drafts.size());
    for (Draft d : drafts) entries.add(d.build());
    return new JournalFold(Collections.unmodifiableList(entries), owners, records, idByToken);
  }

  private static void fillFromToken(Draft d, String token) {
    try {
      TaskHandle h = TaskHandle.parse(token);
      d.provider = h.providerId();
      d.model = h.model();
    } catch (IllegalArgumentException unreadable) {
      // Kept as it is: the entry still shows the token a person can act on.
    }
  }

  private static JournalEntry.Phase phaseOf(TaskState state) {
    switch (state) {
      case SUCCEEDED:
        return JournalEntry.Phase.SUCCEEDED;
      case CANCELLED:
        return JournalEntry.Phase.CANCELLED;
      default:
        return JournalEntry.Phase.FAILED;
    }
  }

  /**
   * The records compaction keeps: all records of entries that may still need attention, and of the
   * newest {@code maxFinished} finished entries not older than {@code maxAge}. Entries whose submit
   * was never answered are kept for {@code maxAge} too, so a person can check the console.
   */
  List<JournalRecord> retained(Instant now, Duration maxAge, int maxFinished) {
    Set<String> dropped = dropped(now, maxAge, maxFinished);
    if (dropped.isEmpty()) return records;
    List<JournalRecord> kept = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      if (!dropped.contains(owners.get(i))) kept.add(records.get(i));
    }
    return kept;
  }

  /** The ids of the entries {@link #retained} leaves out. */
  Set<String> dropped(Instant now, Duration maxAge, int maxFinished) {
    Instant cutoff = now.minus(maxAge);
    Set<String> dropped = new HashSet<>();
    int finished = 0;
    for (JournalEntry e : entries) {
      boolean unanswered =
          e.phase() == JournalEntry.Phase.SUBMITTING
              || e.phase() == JournalEntry.Phase.OUTCOME_UNKNOWN;
      if (e.isFinished()) {
        finished++;
        if (finished > maxFinished || e.updatedAt().isBefore(cutoff)) dropped.add(e.id());
      } else if (unanswered && e.updatedAt().isBefore(cutoff)) {
        dropped.add(e.id());
      }
    }
    return dropped;
  }

  /** Whether record {@code i} (in input order) belongs to one of the entries {@code ids}. */
  boolean ownedBy(int i, Set<String> ids) {
    return ids.contains(owners.get(i));
  }
}
