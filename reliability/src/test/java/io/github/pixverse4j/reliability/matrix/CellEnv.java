package io.github.pixverse4j.reliability.matrix;

import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.testkit.FastPolling;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Everything one cell runs on, owned by the cell: a simulator, and a client whose every thread
 * comes from the cell's own pools (the RxJava scheduler for timers, the IO scheduler for downloads,
 * OkHttp's dispatcher). That ownership is what makes the thread check exact:
 *
 * <ol>
 *   <li>once the stream has ended, no OkHttp call may still be running or queued, and no timer may
 *       still be scheduled (the scheduler removes cancelled timers, so its queue must be empty);
 *   <li>after an orderly {@code shutdown()} of the three pools, every thread they ever created must
 *       end within {@link #THREAD_GRACE}: a thread still alive is busy with work the library left
 *       running (a blocked read, a copy loop), and is reported with its stack;
 *   <li>and the library must not have fallen back on a shared pool: no new thread named like
 *       RxJava's global schedulers or pixverse4j's default dispatcher may have appeared.
 * </ol>
 *
 * Idle pooled threads are therefore never a false alarm (the cell's pools are shut down, idle
 * threads exit at once), and shared JVM-wide threads (OkHttp's connection-pool cleaner, Okio's
 * watchdog, the simulator's workers) are not counted: they belong to no cell.
 */
final class CellEnv implements AutoCloseable {
  static final String API_KEY = "matrix-key-5d1c7e93";
  static final Duration RETRY_AFTER_CAP = Duration.ofMillis(150);
  static final int MAX_FAILURES = 3;
  static final Duration SLOW_TIMEOUT = Duration.ofMillis(300);
  static final Duration SLOW_DELAY = Duration.ofMillis(900);
  static final Duration THREAD_GRACE = Duration.ofSeconds(5);
  private static final AtomicInteger CELLS = new AtomicInteger();
  private static final Pattern SHARED_POOLS =
      Pattern.compile(
          "^(RxComputationThreadPool|RxCachedThreadScheduler|RxNewThreadScheduler|RxSingleScheduler|pixverse4j-http)-.*");

  final ProviderSimulator sim;
  final Wire wire;
  final VideoClient client;
  final OkHttpClient http;
  private final ScheduledThreadPoolExecutor timers;
  private final ThreadPoolExecutor io;
  private final ThreadPoolExecutor dispatcherPool;
  private final List<Thread> created = new CopyOnWriteArrayList<>();
  private final Set<Long> threadsBefore;

  CellEnv(Cell cell) {
    threadsBefore =
        Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
    String prefix = "matrix-" + CELLS.incrementAndGet() + "-";
    timers = new ScheduledThreadPoolExecutor(1, factory(prefix + "rx"));
    timers.setRemoveOnCancelPolicy(true);
    io = cachedPool(factory(prefix + "io"));
    dispatcherPool = cachedPool(factory(prefix + "http"));
    sim = cell.provider().startSimulator(API_KEY);
    wire = new Wire(sim);
    boolean slow = cell.fault() == FaultKind.SLOW;
    HttpClients.Options options =
        HttpClients.Options.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(slow ? SLOW_TIMEOUT : Duration.ofSeconds(10))
            .callTimeout(slow ? SLOW_TIMEOUT.multipliedBy(2) : Duration.ofSeconds(20))
            .build();
    http =
        HttpClients.newDefault(options)
            .newBuilder()
            .dispatcher(new Dispatcher(dispatcherPool))
            .addInterceptor(wire)
            .build();
    client =
        cell.provider()
            .builder()
            .apiKey(API_KEY)
            .baseUrl(sim.baseUrl())
            .httpClient(http)
            .scheduler(Schedulers.from(timers))
            .ioScheduler(Schedulers.from(io))
            .pollingPolicy(policy(cell))
            .build();
  }

  /**
   * {@link FastPolling} with a small Retry-After cap, three resends of a submit; reads retry until
   * the 20 s deadline ({@link FaultMatrixTest#TRICKLE_DEADLINE} for a trickling download, whose
   * body that deadline bounds).
   */
  static PollingPolicy policy(Cell cell) {
    PollingPolicy.Builder b =
        FastPolling.builder()
            .maxRetryDelay(Duration.ofMillis(40))
            .maxRetryAfter(RETRY_AFTER_CAP)
            .maxSubmitRetries(MAX_FAILURES);
    if (cell.fault() == FaultKind.TRICKLE) b.deadline(FaultMatrixTest.TRICKLE_DEADLINE);
    return b.build();
  }

  /**
   * The checks of step 1, once the stream has ended: returns the problems found (empty when none).
   * Allows a short settle for the callback that delivered the terminal event to return.
   */
  List<String> nothingLeftRunning() throws InterruptedException {
    List<String> problems = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (System.nanoTime() < deadline && !quiet()) {
      Thread.sleep(5);
    }
    Dispatcher d = http.dispatcher();
    if (d.runningCallsCount() + d.queuedCallsCount() > 0) {
      problems.add(
          "after the stream ended, OkHttp still had "
              + d.runningCallsCount()
              + " running and "
              + d.queuedCallsCount()
              + " queued calls");
    }
    if (!timers.getQueue().isEmpty()) {
      problems.add(
          "after the stream ended, "
              + timers.getQueue().size()
              + " timer(s) were still scheduled on the client's scheduler (a poll or retry left"
              + " behind)");
    }
    if (io.getActiveCount() > 0) {
      problems.add(
          "after the stream ended, "
              + io.getActiveCount()
              + " download task(s) were still running");
    }
    return problems;
  }

  private boolean quiet() {
    Dispatcher d = http.dispatcher();
    return d.runningCallsCount() + d.queuedCallsCount() == 0
        && timers.getQueue().isEmpty()
        && timers.getActiveCount() == 0
        && io.getActiveCount() == 0;
  }

  /** Step 2 and 3: shuts everything down and returns the threads that did not end. */
  List<String> shutDown() throws InterruptedException {
    sim.close();
    http.connectionPool().evictAll();
    List<ExecutorService> pools = Arrays.asList(timers, io, dispatcherPool);
    pools.forEach(ExecutorService::shutdown);
    long deadline = System.nanoTime() + THREAD_GRACE.toNanos();
    for (ExecutorService p : pools) {
      p.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    List<String> problems = new ArrayList<>();
    for (Thread t : created) {
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (t.isAlive()) {
        problems.add(
            "thread '"
                + t.getName()
                + "' was still running "
                + THREAD_GRACE.getSeconds()
                + " s after its pool was shut down:\n      at "
                + Arrays.stream(t.getStackTrace())
                    .limit(12)
                    .map(String::valueOf)
                    .collect(Collectors.joining("\n      at ")));
      }
    }
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!threadsBefore.contains(t.getId()) && SHARED_POOLS.matcher(t.getName()).matches()) {
        problems.add(
            "the library started '"
                + t.getName()
                + "' on a shared pool although the client was"
                + " given its own scheduler, IO scheduler and OkHttp client");
      }
    }
    return problems;
  }

  @Override
  public void close() {
    if (timers.isShutdown()) return;
    try {
      shutDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ThreadFactory factory(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      created.add(t);
      return t;
    };
  }

  private static ThreadPoolExecutor cachedPool(ThreadFactory f) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), f);
  }
}
