package io.github.pixverse4j.temporal;

/**
 * Where a worker stores a finished video: the name of a {@link VideoSink} registered on the worker
 * and a key within it (a relative path for {@link VideoSink#directory}, an object key for object
 * storage). Only names travel through history; the sink and its credentials stay on the worker.
 */
public final class DownloadTarget {
  private String sink;
  private String key;

  /** For the JSON converter; use {@link #of}. */
  public DownloadTarget() {}

  public static DownloadTarget of(String sink, String key) {
    if (sink == null) throw new NullPointerException("sink == null");
    if (key == null) throw new NullPointerException("key == null");
    if (key.trim().isEmpty()) throw new IllegalArgumentException("key is blank");
    DownloadTarget t = new DownloadTarget();
    t.sink = sink;
    t.key = key;
    return t;
  }

  public String getSink() {
    return sink;
  }

  public void setSink(String sink) {
    this.sink = sink;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  @Override
  public String toString() {
    return sink + ":" + key;
  }
}
