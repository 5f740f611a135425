package io.github.pixverse4j.temporal;

import io.github.pixverse4j.api.Video;
import java.net.URI;
import java.time.Instant;

/**
 * A {@link Video} as plain JSON for workflow history and results; unknown fields are {@code null}.
 */
public final class VideoView {
  private String url;
  private Integer width;
  private Integer height;
  private Long sizeBytes;
  private String contentType;
  private Long seed;
  private Long expiresAtEpochMillis;

  /** For the JSON converter. */
  public VideoView() {}

  public static VideoView from(Video v) {
    VideoView view = new VideoView();
    view.url = v.url().toString();
    view.width = v.width().orElse(null);
    view.height = v.height().orElse(null);
    view.sizeBytes = v.sizeBytes().orElse(null);
    view.contentType = v.contentType().orElse(null);
    view.seed = v.seed().orElse(null);
    view.expiresAtEpochMillis = v.expiresAt().map(Instant::toEpochMilli).orElse(null);
    return view;
  }

  public Video toVideo() {
    Video.Builder b = Video.builder().url(URI.create(url));
    if (width != null) b.width(width);
    if (height != null) b.height(height);
    if (sizeBytes != null) b.sizeBytes(sizeBytes);
    if (contentType != null) b.contentType(contentType);
    if (seed != null) b.seed(seed);
    if (expiresAtEpochMillis != null) b.expiresAt(Instant.ofEpochMilli(expiresAtEpochMillis));
    return b.build();
  }

  /** Where to download the video; often a presigned URL that expires. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public Integer getWidth() {
    return width;
  }

  public void setWidth(Integer width) {
    this.width = width;
  }

  public Integer getHeight() {
    return height;
  }

  public void setHeight(Integer height) {
    this.height = height;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public String getContentType() {
    return contentType;
  }

  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  public Long getSeed() {
    return seed;
  }

  public void setSeed(Long seed) {
    this.seed = seed;
  }

  public Long getExpiresAtEpochMillis() {
    return expiresAtEpochMillis;
  }

  public void setExpiresAtEpochMillis(Long expiresAtEpochMillis) {
    this.expiresAtEpochMillis = expiresAtEpochMillis;
  }

  @Override
  public String toString() {
    return "VideoView{" + url + "}";
  }
}
