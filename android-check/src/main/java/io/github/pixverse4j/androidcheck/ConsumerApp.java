package io.github.pixverse4j.androidcheck;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.Quality;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.ClientConfig;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.VideoProviderFactory;
import io.github.pixverse4j.fal.Fal;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.odirouter.OdiRouter;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.v3async.V3Async;
import io.github.pixverse4j.wavespeed.WaveSpeed;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * A tiny consumer app, as an Android app would use the library: build a client (through the
 * provider's facade, or found with {@code ServiceLoader}), generate, download. The check shrinks
 * and obfuscates it with only the rules the jars ship, then runs it against the simulators.
 */
public final class ConsumerApp {
  private ConsumerApp() {}

  /**
   * Arguments: provider id ({@code odirouter}, {@code highway}, {@code myrouter}, {@code gmi},
   * {@code pixverse}, {@code wavespeed}, {@code fal}), how to find it ({@code facade} or {@code
   * serviceloader}), base URL, API key, output file. Throws when anything fails, so that the caller
   * sees the cause.
   */
  public static void main(String[] args) {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: <provider> <facade|serviceloader> <baseUrl> <apiKey> <output>");
    }
    String provider = args[0];
    String baseUrl = args[2];
    String apiKey = args[3];
    PollingPolicy fast = PollingPolicy.builder().fixedInterval(Duration.ofMillis(20)).build();
    VideoClient client =
        "facade".equals(args[1])
            ? facade(provider, baseUrl, apiKey, fast)
            : fromServiceLoader(provider, baseUrl, apiKey, fast);

    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .image(ImageInput.url("https://example.com/cat.png"))
            .prompt("the cat turns its head and smiles")
            .quality(Quality.P720)
            .build();
    TaskStatus last = client.generate(request).blockingLast();
    List<Video> videos = last.videos();
    if (videos.isEmpty()) throw new IllegalStateException("no video: " + last);
    DownloadProgress done = client.download(videos.get(0), Paths.get(args[4])).blockingLast();
    if (!done.done()) throw new IllegalStateException("download did not finish: " + done);
    System.out.println(
        provider + " via " + args[1] + ": " + last.state() + ", " + done.bytesRead() + " bytes");
  }

  private static VideoClient facade(
      String provider, String baseUrl, String apiKey, PollingPolicy policy) {
    switch (provider) {
      case "odirouter":
        return OdiRouter.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "highway":
        return V3Async.highway().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "myrouter":
        return V3Async.myrouter().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "gmi":
        return GmiCloud.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "pixverse":
        return PixVerse.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "wavespeed":
        return WaveSpeed.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      case "fal":
        return Fal.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build();
      default:
        throw new IllegalArgumentException("unknown provider " + provider);
    }
  }

  private static VideoClient fromServiceLoader(
      String provider, String baseUrl, String apiKey, PollingPolicy policy) {
    VideoProviderFactory factory =
        VideoProviderFactory.find(provider)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "ServiceLoader found no VideoProviderFactory '"
                            + provider
                            + "' among "
                            + VideoProviderFactory.load(ConsumerApp.class.getClassLoader()).size()
                            + " factories"));
    return factory.create(
        ClientConfig.builder().apiKey(apiKey).baseUrl(baseUrl).pollingPolicy(policy).build());
  }
}
