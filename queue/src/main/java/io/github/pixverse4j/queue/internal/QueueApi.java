package io.github.pixverse4j.queue.internal;

import io.reactivex.rxjava3.core.Single;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Url;

/**
 * The queue protocol's calls. Every call takes the full URL: submit the one of the protocol's
 * submit path; status, result and cancel the one the submit answer named, or one built from the
 * base URL, the app path and the request id.
 */
public interface QueueApi {
  @POST
  Single<QueueSubmitResponse> submit(@Url HttpUrl submitUrl, @Body Map<String, Object> body);

  @GET
  Single<QueueStatusResponse> status(@Url HttpUrl statusUrl);

  // The whole response: after COMPLETED, a non-2xx answer is the task's failure, read, not thrown.
  @GET
  Single<Response<QueueResultResponse>> result(@Url HttpUrl responseUrl);

  // The whole response, because 400 and 404 carry a cancel status too and are read, not thrown.
  @PUT
  Single<Response<ResponseBody>> cancel(@Url HttpUrl cancelUrl);
}
