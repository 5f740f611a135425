package io.github.pixverse4j.gmi.internal;

import io.reactivex.rxjava3.core.Single;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * GMI Cloud's request queue, relative to {@code
 * https://console.gmicloud.ai/api/v1/ie/requestqueue/apikey/}. The bearer key is added by the HTTP
 * client; a {@code null} organization id omits its header.
 */
public interface GmiApi {
  /** GMI's header that picks the organization of a key that belongs to several. */
  String ORGANIZATION_HEADER = "X-Organization-ID";

  @POST("requests")
  Single<GmiSubmitResponse> submit(
      @Header(ORGANIZATION_HEADER) String organizationId, @Body GmiSubmitBody body);

  /** Status and result in one answer. */
  @GET("requests/{request_id}")
  Single<GmiStatusResponse> status(
      @Header(ORGANIZATION_HEADER) String organizationId, @Path("request_id") String requestId);

  @GET("models")
  Single<GmiModelsResponse> models(@Header(ORGANIZATION_HEADER) String organizationId);
}
