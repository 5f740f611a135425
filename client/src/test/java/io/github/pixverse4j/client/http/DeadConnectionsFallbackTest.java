package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.TransportException;
import io.github.pixverse4j.api.Video;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DeadConnections}' fallback: where OkHttp 3.14's internals are not there (another OkHttp 3
 * release), retiring a connection does nothing and the call fails as it did before issue 27's fix,
 * instead of an {@link Error} escaping from an interceptor. The internals are hidden for real: this
 * package's classes are loaded again by a class loader that refuses {@code RealInterceptorChain},
 * {@code Transmitter} and {@code RealConnection} to them (OkHttp itself keeps its own), so the JVM
 * throws its own {@link LinkageError} where {@link DeadConnections} first touches them.
 */
class DeadConnectionsFallbackTest {
  private static final String PACKAGE = DeadConnections.class.getPackage().getName();
  private static final Set<String> INTERNALS =
      Set.of(
          "okhttp3.internal.http.RealInterceptorChain",
          "okhttp3.internal.connection.Transmitter",
          "okhttp3.internal.connection.RealConnection");

  private LocalServer server;
  private HttpUrl base;

  @BeforeEach
  void start() throws IOException {
    server = DownloadOnDeadConnectionTest.mediaServer(MediaContainerTest.MP4_HEAD);
    base = server.url("/");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // only a guard: the socket factory ends a spin
  @DisplayName(
      "without OkHttp 3.14's internals a download on a dead pooled connection fails as before the"
          + " fix (not sent, the connection left pooled), with no LinkageError and no spin")
  @SuppressWarnings("unchecked")
  void internalsMissing(@TempDir Path dir) throws Exception {
    DownloadOnDeadConnectionTest.CodecCountingSockets sockets =
        new DownloadOnDeadConnectionTest.CodecCountingSockets();
    OkHttpClient http = DownloadOnDeadConnectionTest.poisonedPool(base, sockets);
    WithoutOkHttpInternals loader = new WithoutOkHttpInternals(getClass().getClassLoader());
    Class<?> downloaderClass = Class.forName(VideoDownloader.class.getName(), true, loader);
    assertThat(downloaderClass).isNotSameAs(VideoDownloader.class);
    Object downloader =
        downloaderClass
            .getConstructor(OkHttpClient.class, Scheduler.class)
            .newInstance(http, Schedulers.trampoline());
    Path target = dir.resolve("out.mp4");

    Observable<?> download =
        (Observable<?>)
            downloaderClass
                .getMethod("download", Video.class, Path.class)
                .invoke(downloader, Video.of(base.resolve("media/v.mp4").uri()), target);
    Throwable failure = DownloadOnDeadConnectionTest.ended(download);

    assertThat(loader.refused)
        .as("the internals DeadConnections reached for, refused")
        .contains("okhttp3.internal.http.RealInterceptorChain");
    assertThat(failure).isInstanceOf(TransportException.class);
    assertThat(failure.getCause())
        .as("not sent, as before the fix")
        .isInstanceOf(IOException.class)
        .extracting(c -> c.getClass().getName())
        .isEqualTo(RequestNotSentException.class.getName());
    assertThat(failure.getCause().getCause())
        .isInstanceOf(SocketException.class)
        .hasMessageContaining("Socket is closed");
    assertThat(sockets.codecSetUpsOnFirst.get())
        .as("codec set-ups on the dead connection: the cancelled call's and the download's")
        .isEqualTo(2);
    assertThat(sockets.created.get()).as("no resend on another connection").isEqualTo(1);
    assertThat(http.connectionPool().idleConnectionCount())
        .as("the dead connection, not retired, is pooled again as before the fix")
        .isEqualTo(1);
    assertThat(server.requests).isEmpty();
    assertThat(Files.exists(target)).isFalse();
  }

  /**
   * Defines this package's classes itself (so that their references resolve through it) and refuses
   * OkHttp 3.14's internals to them; everything else comes from the parent.
   */
  private static final class WithoutOkHttpInternals extends ClassLoader {
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    WithoutOkHttpInternals(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (INTERNALS.contains(name)) {
          refused.add(name);
          throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        boolean own = name.startsWith(PACKAGE + ".") && name.indexOf('.', PACKAGE.length() + 1) < 0;
        if (!own) return super.loadClass(name, resolve);
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes;
          try (InputStream in =
              getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) throw new ClassNotFoundException(name);
            bytes = in.readAllBytes();
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
          c = defineClass(name, bytes, 0, bytes.length);
        }
        if (resolve) resolveClass(c);
        return c;
      }
    }
  }
}
