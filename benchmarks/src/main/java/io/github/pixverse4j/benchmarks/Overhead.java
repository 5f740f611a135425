package io.github.pixverse4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpClients;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One {@code status()} through {@link VideoClient} against the same GET + Jackson parse done with
 * raw OkHttp, same connection pool, alternating blocks so drift hits both alike.
 */
final class Overhead {
  private Overhead() {}

  static Map<String, Object> run(RemoteSimulator sim) throws Exception {
    sim.command("reset");
    sim.command("lifecycle endless");
    OkHttpClient http = HttpClients.newDefault();
    VideoClient client = Scale.client(sim, http);
    TaskHandle handle = client.submit(Scale.request()).blockingGet();
    ObjectMapper json = new ObjectMapper();
    Request raw =
        new Request.Builder()
            .url(sim.baseUrl + "/requests/" + handle.taskId())
            .header("Authorization", "Bearer " + sim.key)
            .build();

    Runnable ours = () -> client.status(handle).blockingGet();
    Runnable baseline =
        () -> {
          try (Response r = http.newCall(raw).execute()) {
            JsonNode n = json.readTree(r.body().byteStream());
            if (n.get("status") == null) throw new IllegalStateException();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        };
    // The same call, asynchronous on OkHttp's dispatcher as the library's calls are.
    Runnable baselineAsync =
        () -> {
          java.util.concurrent.CompletableFuture<JsonNode> f =
              new java.util.concurrent.CompletableFuture<>();
          http.newCall(raw)
              .enqueue(
                  new okhttp3.Callback() {
                    @Override
                    public void onFailure(okhttp3.Call call, java.io.IOException e) {
                      f.completeExceptionally(e);
                    }

                    @Override
                    public void onResponse(okhttp3.Call call, Response r) {
                      try (Response closing = r) {
                        f.complete(json.readTree(closing.body().byteStream()));
                      } catch (java.io.IOException e) {
                        f.completeExceptionally(e);
                      }
                    }
                  });
          if (f.join().get("status") == null) throw new IllegalStateException();
        };
    int warmup = 3000;
    for (int i = 0; i < warmup; i++) {
      ours.run();
      baseline.run();
      baselineAsync.run();
    }
    int blocks = 20;
    int perBlock = 500;
    long oursNanos = 0;
    long rawNanos = 0;
    long rawAsyncNanos = 0;
    for (int b = 0; b < blocks; b++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) ours.run();
      long t1 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) baseline.run();
      long t2 = System.nanoTime();
      for (int i = 0; i < perBlock; i++) baselineAsync.run();
      long t3 = System.nanoTime();
      oursNanos += t1 - t0;
      rawNanos += t2 - t1;
      rawAsyncNanos += t3 - t2;
    }
    int calls = blocks * perBlock;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("calls", calls);
    m.put("pixverse4jMicros", PollingEfficiency.round(oursNanos / 1e3 / calls));
    m.put("rawOkHttpMicros", PollingEfficiency.round(rawNanos / 1e3 / calls));
    m.put("rawOkHttpAsyncMicros", PollingEfficiency.round(rawAsyncNanos / 1e3 / calls));
    m.put("ratioVsSync", PollingEfficiency.round(oursNanos / (double) rawNanos));
    m.put("ratioVsAsync", PollingEfficiency.round(oursNanos / (double) rawAsyncNanos));
    http.dispatcher().executorService().shutdown();
    return m;
  }
}
