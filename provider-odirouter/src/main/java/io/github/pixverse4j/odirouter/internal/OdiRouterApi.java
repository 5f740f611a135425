package io.github.pixverse4j.odirouter.internal;

import io.reactivex.rxjava3.core.Single;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Url;

/**
 * The OdiRouter queue API for PixVerse V6 image-to-video. Status, result and cancel take the full
 * URL: the one the submit answer named, or one built from the base URL and the request id.
 */
public interface OdiRouterApi {
  /** The model path segment; relative to the base URL. */
  String SUBMIT_PATH = "v1/queue/pixverse_v6_i2v";

  @POST(SUBMIT_PATH)
  Single<OdiRouterSubmitResponse> submit(@Body OdiRouterSubmitBody body);

  @GET
  Single<OdiRouterStatusResponse> status(@Url HttpUrl statusUrl);

  // The whole response: after COMPLETED, a non-2xx answer is the task's failure, read, not thrown.
  @GET
  Single<Response<OdiRouterResultResponse>> result(@Url HttpUrl responseUrl);

  // The whole response, because 400 and 404 carry a cancel status too and are read, not thrown.
  @PUT
  Single<Response<ResponseBody>> cancel(@Url HttpUrl cancelUrl);
}
