package io.github.pixverse4j.pixverse.internal;

import io.reactivex.rxjava3.core.Single;
import okhttp3.MultipartBody;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * The PixVerse platform API as Retrofit sees it. The {@code API-KEY} header is added by the HTTP
 * client; {@code Ai-trace-id} is a fresh UUID per logical call. Calls answer the raw {@link
 * Response} because success is decided by the envelope's {@code ErrCode}, not by the HTTP status.
 */
public interface PixVerseApi {
  /** Multipart: a file part {@code image}, or a form field {@code image_url}. */
  @POST("openapi/v2/image/upload")
  Single<Response<PixVerseResponse<PixVerseUploadResponse>>> upload(
      @Header("Ai-trace-id") String traceId, @Body MultipartBody image);

  @POST("openapi/v2/video/img/generate")
  Single<Response<PixVerseResponse<PixVerseSubmitResponse>>> generate(
      @Header("Ai-trace-id") String traceId, @Body PixVerseSubmitBody body);

  /** Multipart: a file part {@code file} (mp4, mov or webm), or a form field {@code file_url}. */
  @POST("openapi/v2/media/upload")
  Single<Response<PixVerseResponse<PixVerseMediaUploadResponse>>> mediaUpload(
      @Header("Ai-trace-id") String traceId, @Body MultipartBody media);

  /** Continues a video; answers a {@code video_id} polled at {@link #result}. */
  @POST("openapi/v2/video/extend/generate")
  Single<Response<PixVerseResponse<PixVerseSubmitResponse>>> extend(
      @Header("Ai-trace-id") String traceId, @Body PixVerseExtendBody body);

  @GET("openapi/v2/video/result/{video_id}")
  Single<Response<PixVerseResponse<PixVerseStatusResponse>>> result(
      @Header("Ai-trace-id") String traceId, @Path("video_id") String videoId);
}
