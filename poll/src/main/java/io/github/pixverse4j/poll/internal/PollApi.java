package io.github.pixverse4j.poll.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.reactivex.rxjava3.core.Single;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Url;

/**
 * The poll family's calls, each on the full URL built from the protocol's paths. Answers are read
 * as JSON trees: where a value sits is the protocol's configuration ({@code PollProtocol}).
 */
public interface PollApi {
  @POST
  Single<JsonNode> submit(@Url HttpUrl submitUrl, @Body Map<String, Object> body);

  @GET
  Single<JsonNode> status(@Url HttpUrl statusUrl);

  @POST
  Single<ResponseBody> cancel(@Url HttpUrl cancelUrl);
}
