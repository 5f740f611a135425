package io.github.pixverse4j.pixverse.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of every PixVerse answer: {@code {"ErrCode", "ErrMsg", "Resp"}}. Success is {@code
 * ErrCode == 0}, whatever the HTTP status; the image upload's moderation refusal arrives in lower
 * case ({@code err_code}, {@code err_msg}, {@code resp}), which is read the same way.
 *
 * <p>A plain class rather than an Immutables type: Immutables' Jackson integration does not carry a
 * type parameter through to the payload.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PixVerseResponse<T> {
  private final @Nullable Long errCode;
  private final @Nullable String errMsg;
  private final @Nullable T resp;

  @JsonCreator
  PixVerseResponse(
      @JsonProperty("ErrCode") @JsonAlias("err_code") @Nullable Long errCode,
      @JsonProperty("ErrMsg") @JsonAlias("err_msg") @Nullable String errMsg,
      @JsonProperty("Resp") @JsonAlias("resp") @Nullable T resp) {
    this.errCode = errCode;
    this.errMsg = errMsg;
    this.resp = resp;
  }

  /** {@code 0} for success; {@code null} when the field was missing. */
  @JsonProperty("ErrCode")
  public @Nullable Long errCode() {
    return errCode;
  }

  @JsonProperty("ErrMsg")
  public @Nullable String errMsg() {
    return errMsg;
  }

  @JsonProperty("Resp")
  public @Nullable T resp() {
    return resp;
  }

  @Override
  public String toString() {
    return "PixVerseResponse{ErrCode=" + errCode + ", ErrMsg=" + errMsg + ", Resp=" + resp + "}";
  }
}
