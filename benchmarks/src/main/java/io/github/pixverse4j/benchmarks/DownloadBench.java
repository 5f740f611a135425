package io.github.pixverse4j.benchmarks;

import io.github.pixverse4j.api.DownloadProgress;
import io.github.pixverse4j.api.Video;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.client.http.VideoDownloader;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** A 256 MiB video through {@code download()} against a raw OkHttp stream copy. */
final class DownloadBench {
  static final long SIZE = 256L << 20;

  private DownloadBench() {}

  static Map<String, Object> run() throws Exception {
    // In memory where the system has a tmpfs, so that disk write-back does not decide the ratio.
    Path shm = java.nio.file.Paths.get("/dev/shm");
    Path dir =
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, "pv4j-bench")
            : Files.createTempDirectory("pv4j-bench");
    try (GmiSimulator sim = new GmiSimulator("k").start()) {
      String url = sim.largeMediaUrl(SIZE);
      OkHttpClient http = HttpClients.newDefault();
      VideoDownloader downloader = new VideoDownloader(http, Schedulers.io());
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      // Warm up both paths once.
      downloader.download(Video.of(URI.create(url)), dir.resolve("warm.mp4")).blockingLast();
      raw(http, url, dir.resolve("warm-raw.mp4"));

      double oursBest = 0;
      double rawBest = 0;
      // Best of 5, alternating which goes first, each writing a fresh file, so that the page
      // cache and disk write-back of one run do not land on the other alone.
      for (int round = 0; round < 5; round++) {
        boolean oursFirst = round % 2 == 0;
        for (int leg = 0; leg < 2; leg++) {
          boolean ours = (leg == 0) == oursFirst;
          Path file = dir.resolve(ours ? "ours.mp4" : "raw.mp4");
          Files.deleteIfExists(file);
          long t0 = System.nanoTime();
          if (ours) {
            DownloadProgress last =
                downloader.download(Video.of(URI.create(url)), file).blockingLast();
            if (!last.done() || Files.size(file) != SIZE)
              throw new IllegalStateException("bad download");
          } else {
            raw(http, url, file);
          }
          double mibPerS = SIZE / ((System.nanoTime() - t0) / 1e9) / (1 << 20);
          if (ours) oursBest = Math.max(oursBest, mibPerS);
          else rawBest = Math.max(rawBest, mibPerS);
          Files.delete(file);
        }
      }

      // Live heap during a download: a sampler forces a collection every 50 ms and reads what
      // survives, so garbage waiting for the next GC is not counted.
      long base = Scale.usedAfterGc(memory);
      AtomicLong peak = new AtomicLong(base);
      AtomicBoolean sampling = new AtomicBoolean(true);
      Thread sampler =
          new Thread(
              () -> {
                while (sampling.get()) {
                  System.gc();
                  peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      downloader.download(Video.of(URI.create(url)), dir.resolve("ours.mp4")).blockingLast();
      sampling.set(false);
      sampler.join();
      long maxGrowth = peak.get() - base;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("sizeMiB", SIZE >> 20);
      m.put("pixverse4jMiBPerS", Math.round(oursBest));
      m.put("rawOkHttpMiBPerS", Math.round(rawBest));
      m.put("throughputRatio", PollingEfficiency.round(oursBest / rawBest));
      m.put("heapGrowthDuringDownloadMiB", PollingEfficiency.round(maxGrowth / (double) (1 << 20)));
      http.dispatcher().executorService().shutdown();
      return m;
    } finally {
      try (var files = Files.list(dir)) {
        files.forEach(p -> p.toFile().delete());
      }
      Files.deleteIfExists(dir);
    }
  }

  static void raw(OkHttpClient http, String url, Path target) throws Exception {
    try (Response r = http.newCall(new Request.Builder().url(url).build()).execute();
        InputStream in = r.body().byteStream();
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) out.write(buf, 0, n);
    }
  }
}
