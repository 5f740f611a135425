package io.github.pixverse4j.temporal;

/** A video the download activity stored: the sink, the key, and how many bytes. */
public final class StoredVideo {
  private String sink;
  private String key;
  private long sizeBytes;

  /** For the JSON converter. */
  public StoredVideo() {}

  public static StoredVideo of(String sink, String key, long sizeBytes) {
    StoredVideo s = new StoredVideo();
    s.sink = sink;
    s.key = key;
    s.sizeBytes = sizeBytes;
    return s;
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

  public long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  @Override
  public String toString() {
    return sink + ":" + key + " (" + sizeBytes + " bytes)";
  }
}
