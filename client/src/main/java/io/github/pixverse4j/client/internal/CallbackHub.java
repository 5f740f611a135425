package io.github.pixverse4j.client.internal;

import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API: joins verified callbacks to the {@link TaskWatcher}s following their tasks. One per
 * {@code VideoClient} (shared by its {@code withJournal} copies). A watcher registers its task; a
 * callback's terminal status is handed to the watchers of that task at once, and kept (bounded) for
 * a watcher that registers later (a callback may overtake the submit's answer). Thread-safe.
 */
public final class CallbackHub {
  /** How many recent terminal statuses are kept for watchers that register after the callback. */
  static final int RECENT_ENDS = 10_000;

  /** A watcher's side. */
  public interface Listener {
    /**
     * A task's end from a callback.
     *
     * @param status the terminal status, or null when the task SUCCEEDED but the callback lacks the
     *     videos: read the status before ending
     */
    void onCallback(TaskStatus status);
  }

  private final Map<String, List<Listener>> watchers = new HashMap<>();

  /** A task's recent end: its terminal status, or {@link #NO_VIDEO}. */
  private final LinkedHashMap<String, Object> recentEnds = new LinkedHashMap<>();

  private static final Object NO_VIDEO = new Object();

  /** The key of a task: provider id and the provider's task id (the model is not in callbacks). */
  static String key(String providerId, String taskId) {
    return providerId + '\n' + taskId;
  }

  /**
   * Registers {@code listener} for the task; when a callback already ended it, {@code listener} is
   * told at once (on this thread, after registering).
   *
   * @return runs to unregister
   */
  public Runnable register(String providerId, String taskId, Listener listener) {
    String key = key(providerId, taskId);
    Object ended;
    synchronized (this) {
      watchers.computeIfAbsent(key, k -> new ArrayList<>(1)).add(listener);
      ended = recentEnds.get(key);
    }
    if (ended != null) listener.onCallback(ended == NO_VIDEO ? null : (TaskStatus) ended);
    return () -> unregister(key, listener);
  }

  private synchronized void unregister(String key, Listener listener) {
    List<Listener> list = watchers.get(key);
    if (list == null) return;
    list.remove(listener);
    if (list.isEmpty()) watchers.remove(key);
  }

  /**
   * Hands a task's end to the watchers of the task, and keeps it for later ones.
   *
   * @param status its terminal status, or null for a success whose callback lacks the videos
   * @return how many watchers were told (0: no stream follows the task now)
   */
  public int deliver(TaskHandle handle, TaskStatus status) {
    String key = key(handle.providerId(), handle.taskId());
    List<Listener> told;
    synchronized (this) {
      recentEnds.remove(key);
      recentEnds.put(key, status == null ? NO_VIDEO : status);
      if (recentEnds.size() > RECENT_ENDS) {
        recentEnds.remove(recentEnds.keySet().iterator().next());
      }
      List<Listener> list = watchers.get(key);
      told = list == null ? new ArrayList<Listener>() : new ArrayList<>(list);
    }
    for (Listener l : told) l.onCallback(status);
    return told.size();
  }

  /** How many tasks have a registered watcher now (tests, diagnostics). */
  public synchronized int watchedTasks() {
    return watchers.size();
  }
}
