package io.github.pixverse4j.v3async.internal;

import io.reactivex.rxjava3.core.Single;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The two calls of the v3 async task API; paths are relative so a base URL may carry a prefix. */
public interface V3AsyncApi {
  /** Creates a task: {@code POST /v3/async/{model}}. */
  @POST("v3/async/{model}")
  Single<V3AsyncSubmitResponse> submit(@Path("model") String model, @Body V3AsyncSubmitBody body);

  /** Reads a task: {@code GET /v3/async/task-result?task_id=}. */
  @GET("v3/async/task-result")
  Single<V3AsyncStatusResponse> taskResult(@Query("task_id") String taskId);
}
