package io.github.pixverse4j.reliability.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.api.FailureCategory;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.SubmitOutcomeUnknownException;
import io.github.pixverse4j.api.TaskHandle;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.api.VideoApiException;
import io.github.pixverse4j.client.PollingPolicy;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.client.http.HttpClients;
import io.github.pixverse4j.reliability.Provider;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.Lifecycle;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.RecordedRequest;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The soak run: {@value #DEFAULT_TASKS} generates (or {@code -Dsoak.tasks=N}) spread evenly over
 * the five providers' simulators, all running concurrently through one shared OkHttp client, with a
 * seeded plan of faults on about 10 % of the calls of every endpoint and a seeded mix of terminal
 * outcomes. Afterwards: every task accounted for, no generate made two jobs, nothing leaked.
 *
 * <p>Fault and lifecycle plans are fixed by {@link #SEED}. Which task meets which fault depends on
 * the order in which concurrent requests reach the simulator, so outcome counts vary a little from
 * run to run; the invariants do not.
 */
@DisplayName("soak: thousands of concurrent tasks under faults")
class SoakTest {
  static final int DEFAULT_TASKS = 2000;
  static final long SEED = 0x50A4_2024L;
  static final String KEY = "soak-key-4c1d9e7a2b";

  /** Fraction of each endpoint's calls that get a fault. */
  static final double FAULT_RATE = 0.10;

  /** Tasks in flight at once (further tasks wait for a slot, as an app's work queue would). */
  static final int IN_FLIGHT = 250;

  /**
   * Heap allowed to remain after the run, once everything is closed and collected. The soak itself
   * holds far more while it runs (every simulator records every request; see the printed "held"
   * figure, tens of MiB for 2,000 tasks) and the test checks that it does, so a leak of the run's
   * per-task state (watchers, emitters, statuses, recorded requests, responses) would exceed the
   * margin; what stays below it is noise from JIT, class metadata promoted to the heap, and
   * allocation buffers.
   */
  static final long HEAP_MARGIN_BYTES = 6L * 1024 * 1024;

  /**
   * Threads that may outlive the run because they are process-wide and reused, never one per task
   * or per client: RxJava's computation pool (at most one thread per core) and its purge thread,
   * the io scheduler's evictor, Okio's single watchdog (exits after 60 s idle), and OkHttp's static
   * connection-pool cleanup executor (its one thread idles 60 s after the pool is empty).
   */
  static final Pattern STEADY_STATE_THREADS =
      Pattern.compile(
          "RxComputationThreadPool-\\d+|RxSchedulerPurge-\\d+|RxCachedWorkerPoolEvictor-\\d+|Okio"
              + " Watchdog|OkHttp ConnectionPool");

  /** Threads created by the code under test or the simulators. */
  static final Pattern OUR_THREADS =
      Pattern.compile("(?i).*(okhttp|okio|pixverse4j|simulator|HTTP-Dispatcher|server-timer|Rx).*");

  private final ConcurrentLinkedQueue<Throwable> undeliverable = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void captureUndeliverableErrors() {
    RxJavaPlugins.setErrorHandler(undeliverable::add);
  }

  @AfterEach
  void restoreErrorHandler() {
    RxJavaPlugins.setErrorHandler(null);
  }

  @Test
  @DisplayName(
      "every task is accounted for, no generate makes two jobs, no thread, connection or heap is"
          + " leaked")
  void soak() throws Exception {
    int tasks = Integer.getInteger("soak.tasks", DEFAULT_TASKS);
    assertThat(tasks).as("soak.tasks").isGreaterThanOrEqualTo(Provider.values().length);

    // Warm-up: class loading, JIT, RxJava's pools; not measured.
    Result warm = new Fleet(SEED - 1, 10 * Provider.values().length, 0.0).run();
    assertThat(warm.untyped).isEmpty();
    Set<Thread> threadsBefore = liveThreads();
    long heapBefore = usedHeapAfterGc();

    long t0 = System.nanoTime();
    Fleet fleet = new Fleet(SEED, tasks, FAULT_RATE);
    Result r = fleet.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long heapHeld = r.heapHeldBytes - heapBefore;
    fleet = null;

    System.out.printf(
        "soak: %d tasks in %.1f s (%d in flight at most); %s%n",
        r.total, seconds, IN_FLIGHT, r.summary());
    System.out.printf("soak: heap held while running %.1f MiB%n", heapHeld / 1048576.0);

    // Every task accounted for: a terminal status or a typed error, nothing else, nothing pending.
    assertThat(r.untyped).as("errors that are not VideoApiExceptions").isEmpty();
    assertThat(r.unfinished).as("tasks that never finished").isZero();
    assertThat(r.succeeded + r.failed + r.cancelled + r.typedErrors)
        .as("succeeded + failed + cancelled + typed errors")
        .isEqualTo(r.total)
        .isEqualTo(tasks);
    assertThat(r.violations).as("per-task invariant violations").isEmpty();
    // The mix really was mixed.
    assertThat(r.succeeded).isPositive();
    assertThat(r.failed).isPositive();
    assertThat(r.moderated).isPositive();
    assertThat(r.cancelled).isPositive();
    assertThat(r.typedErrors).isPositive();
    assertThat(r.faultsServed).as("faults served").isGreaterThan(tasks / 10);
    // No duplicate jobs, no simulator bugs.
    assertThat(r.jobProblems).as("job accounting per simulator").isEmpty();
    assertThat(undeliverable).as("errors RxJava could not deliver to a subscriber").isEmpty();

    // No connection left: the pool can be emptied completely (a leaked response body keeps its
    // connection in use, and evictAll() does not close it).
    assertThat(r.connectionsAfterEvict).as("connections left after evictAll()").isZero();
    assertThat(r.dispatcherTerminated)
        .as(
            "OkHttp dispatcher's threads all ended after shutdown; still running:%n%s",
            r.stuckThreads)
        .isTrue();

    // No thread left beyond the documented steady-state set.
    List<String> leaked =
        eventually(() -> newThreads(threadsBefore), List::isEmpty, Duration.ofSeconds(15));
    assertThat(leaked).as("threads started during the soak that are still alive").isEmpty();

    // Heap back to its baseline.
    long heapAfter = usedHeapAfterGc();
    long retained = heapAfter - heapBefore;
    System.out.printf(
        "soak: heap retained after closing %.2f MiB (margin %.0f MiB)%n",
        retained / 1048576.0, HEAP_MARGIN_BYTES / 1048576.0);
    assertThat(heapHeld)
        .as("heap held during the run (shows the margin can see a leak of the run's state)")
        .isGreaterThan(HEAP_MARGIN_BYTES);
    assertThat(retained).as("heap retained after the run").isLessThan(HEAP_MARGIN_BYTES);
  }

  // ---------------------------------------------------------------------------------------------

  /** One run: simulators, clients sharing one OkHttp client, fault and lifecycle plans. */
  static final class Fleet {
    private final long seed;
    private final int tasks;
    private final double faultRate;
    private final OkHttpClient http;
    private final Map<Provider, ProviderSimulator> sims = new EnumMap<>(Provider.class);
    private final Map<Provider, VideoClient> clients = new EnumMap<>(Provider.class);

    /** Every fault put into a plan, by identity, and whether the handler (job creation) runs. */
    private final Map<Fault, Boolean> faultRunsHandler = new IdentityHashMap<>();

    /** Faults after which the engine may resend a submit: the provider provably did not take it. */
    private final Set<Fault> retryableSubmitFaults =
        java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Fleet(long seed, int tasks, double faultRate) {
      this.seed = seed;
      this.tasks = tasks;
      this.faultRate = faultRate;
      this.http =
          HttpClients.newDefault(
              HttpClients.Options.builder()
                  .maxRequests(64)
                  .maxRequestsPerHost(32)
                  // Short, so that OkHttp's pool-cleanup thread wakes up and ends soon after the
                  // pool empties.
                  .keepAlive(Duration.ofSeconds(1))
                  .connectTimeout(Duration.ofSeconds(5))
                  .readTimeout(Duration.ofSeconds(10))
                  .callTimeout(Duration.ofSeconds(15))
                  .build());
    }

    Result run() throws InterruptedException {
      PollingPolicy policy = Provider.fastPolicy(Duration.ofSeconds(60));
      Result result = new Result();
      try {
        int perProvider = (tasks + Provider.values().length - 1) / Provider.values().length;
        for (Provider p : Provider.values()) {
          ProviderSimulator sim = p.startSimulator(KEY);
          sims.put(p, sim);
          clients.put(p, p.client(sim, KEY, policy, http));
          Random random = new Random(seed * 31 + p.ordinal());
          planLifecycles(p, sim, random, perProvider);
          if (faultRate > 0) planFaults(p, sim, random, perProvider);
        }
        Random cancelPick = new Random(seed ^ 0xCA9CE1L);
        boolean[] cancelViaApi = new boolean[tasks];
        for (int i = 0; i < tasks; i++) cancelViaApi[i] = cancelPick.nextDouble() < 0.06;

        Duration limit = Duration.ofSeconds(Math.max(100, tasks / 20));
        List<Outcome> outcomes =
            Observable.range(0, tasks)
                .flatMap(i -> runTask(i, cancelViaApi[i]).toObservable(), false, IN_FLIGHT)
                .toList()
                .timeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                .onErrorReturnItem(new ArrayList<>())
                .blockingGet();
        result.account(outcomes, tasks);
        checkJobs(outcomes, result);
        for (ProviderSimulator sim : sims.values()) result.faultsServed += countFaults(sim);
        result.heapHeldBytes = usedHeapAfterGc();
      } finally {
        sims.values().forEach(ProviderSimulator::close);
        ExecutorService dispatcher = http.dispatcher().executorService();
        dispatcher.shutdown();
        result.dispatcherTerminated = dispatcher.awaitTermination(15, TimeUnit.SECONDS);
        if (!result.dispatcherTerminated)
          result.stuckThreads = threadDump("pixverse4j-http|OkHttp");
        http.connectionPool().evictAll();
        result.connectionsAfterEvict =
            eventually(
                () -> http.connectionPool().connectionCount(), n -> n == 0, Duration.ofSeconds(10));
      }
      return result;
    }

    private static long countFaults(ProviderSimulator sim) {
      return sim.requests().stream().filter(r -> r.fault() != null).count();
    }

    private void planLifecycles(Provider p, ProviderSimulator sim, Random random, int jobs) {
      List<Lifecycle> plan = new ArrayList<>();
      // Enough for orphan jobs of lost submit answers too; later jobs get the default.
      for (int i = 0; i < jobs + jobs / 4; i++) {
        double x = random.nextDouble();
        if (x < 0.55) {
          plan.add(
              Lifecycle.builder().queued(1 + random.nextInt(2), 3).running(30, 60, 90).succeeded());
        } else if (x < 0.65) {
          plan.add(Lifecycle.builder().running(20, 80).succeeded());
        } else if (x < 0.77) {
          plan.add(Lifecycle.builder().queued(1).running(50).failed("the render node crashed"));
        } else if (x < 0.89) {
          plan.add(
              Lifecycle.builder()
                  .queued(1, 2)
                  .running(40)
                  .moderated("the image breaks the content policy"));
        } else if (p.cancelledOutcome) {
          plan.add(Lifecycle.builder().queued(2, 4).cancelled());
        } else {
          plan.add(Lifecycle.builder().runningFor(3).succeeded());
        }
      }
      sim.nextJobs(plan.toArray(new Lifecycle[0]));
      sim.defaultLifecycle(Lifecycle.builder().queued(1, 2).running(50, 90).succeeded());
    }

    private void planFaults(Provider p, ProviderSimulator sim, Random random, int tasksHere) {
      for (String endpoint : p.endpoints) {
        // Generous estimates of each endpoint's calls (status: ~6 reads per task plus retries).
        int calls = endpoint.equals("status") ? tasksHere * 9 : tasksHere * 2;
        for (int call = 1; call <= calls; call++) {
          if (random.nextDouble() >= faultRate) continue;
          List<Fault> burst = endpoint.equals("submit") ? submitFault(random) : callFault(random);
          sim.faults().on(endpoint).call(call).respond(burst.toArray(new Fault[0]));
          call += burst.size() - 1;
        }
      }
    }

    private Fault remember(Fault f, boolean runsHandler) {
      faultRunsHandler.put(f, runsHandler);
      return f;
    }

    /** A submit fault: some the engine may retry (429, 503), some that lose the answer. */
    private List<Fault> submitFault(Random random) {
      int pick = random.nextInt(10);
      Fault f;
      switch (pick) {
        case 0:
        case 1:
          f =
              remember(
                  Fault.status(429, "{\"error\":\"rate limited\"}").withHeader("Retry-After", "0"),
                  false);
          retryableSubmitFaults.add(f);
          return List.of(f);
        case 2:
          f = remember(Fault.status(503, "{\"error\":\"overloaded\"}"), false);
          retryableSubmitFaults.add(f);
          Fault g = remember(Fault.status(503, "{\"error\":\"overloaded\"}"), false);
          retryableSubmitFaults.add(g);
          return List.of(f, g);
        case 3:
          return List.of(remember(Fault.status(500, "{\"error\":\"internal\"}"), false));
        case 4:
          return List.of(remember(Fault.dropBeforeRead(), false));
        case 5:
        case 6:
          return List.of(remember(Fault.dropAfterRead(), true));
        case 7:
          return List.of(remember(Fault.malformedJson(), false));
        case 8:
          return List.of(
              remember(Fault.status(502, "{\"error\":\"bad gateway\"}").afterHandling(), true));
        default:
          return List.of(remember(Fault.truncatedBody(), true));
      }
    }

    /** A status/result/upload fault: mostly transient (retried), some fatal (malformed answers). */
    private List<Fault> callFault(Random random) {
      int pick = random.nextInt(20);
      switch (pick) {
        case 0:
        case 1:
        case 2:
          {
            int n = 1 + random.nextInt(3);
            List<Fault> burst = new ArrayList<>();
            for (int i = 0; i < n; i++)
              burst.add(remember(Fault.status(503, "{\"error\":\"busy\"}"), false));
            return burst;
          }
        case 3:
        case 4:
          return List.of(
              remember(
                  Fault.status(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1"),
                  false),
              remember(Fault.status(429, "{\"error\":\"slow down\"}"), false));
        case 5:
        case 6:
          return List.of(remember(Fault.status(500, "{\"error\":\"internal\"}"), false));
        case 7:
        case 8:
          return List.of(remember(Fault.dropBeforeRead(), false));
        case 9:
        case 10:
          return List.of(remember(Fault.dropAfterRead(), true));
        case 11:
        case 12:
          return List.of(remember(Fault.truncatedBody(), true));
        case 13:
        case 14:
          return List.of(remember(Fault.delay(Duration.ofMillis(25)), true));
        case 15:
          return List.of(
              remember(
                  Fault.status(502, "<html>bad gateway</html>").withContentType("text/html"),
                  false));
        case 16:
          return List.of(remember(Fault.malformedJson(), false));
        case 17:
          return List.of(remember(Fault.wrongContentType(), false));
        case 18:
          return List.of(remember(Fault.emptyBody(200), false));
        default:
          return List.of(remember(Fault.status(504, ""), false));
      }
    }

    private Single<Outcome> runTask(int i, boolean cancelViaApi) {
      Provider p = Provider.values()[i % Provider.values().length];
      VideoClient client = clients.get(p);
      ImageToVideoRequest request =
          ImageToVideoRequest.builder()
              .from(Provider.request())
              .prompt("the cat turns its head and smiles, take " + i)
              .build();
      Outcome o = new Outcome(i, p);
      AtomicBoolean cancelSent = new AtomicBoolean();
      return client
          .generate(request)
          .doOnNext(
              s -> {
                o.statuses++;
                if (o.handle == null) o.handle = s.handle();
                else if (!o.handle.equals(s.handle()))
                  o.violation("the handle changed from " + o.handle + " to " + s.handle());
                if (o.last != null && o.last.isTerminal())
                  o.violation("a status after the terminal one");
                o.last = s;
                if (cancelViaApi
                    && p.cancelCall
                    && s.state() == TaskState.RUNNING
                    && cancelSent.compareAndSet(false, true)) {
                  client.cancel(s.handle()).subscribe(() -> {}, e -> o.cancelError = e);
                }
              })
          .ignoreElements()
          .toSingleDefault(o)
          .onErrorReturn(
              e -> {
                o.error = e;
                return o;
              });
    }

    /** Per simulator: jobs == submits that reached the handler; one job per generate at most. */
    private void checkJobs(List<Outcome> outcomes, Result result) {
      Pattern take = Pattern.compile("take (\\d+)");
      for (Provider p : Provider.values()) {
        ProviderSimulator sim = sims.get(p);
        String name = p.id + ": ";
        if (!sim.handlerFailures().isEmpty()) {
          result.jobProblems.add(name + "simulator handler failures " + sim.handlerFailures());
        }
        List<RecordedRequest> submits = sim.requests("submit");
        Map<Integer, List<RecordedRequest>> byTask = new HashMap<>();
        int reachedHandler = 0;
        for (RecordedRequest r : submits) {
          boolean ran;
          if (r.fault() == null) {
            ran = true;
          } else {
            Boolean known = faultRunsHandler.get(r.fault());
            if (known == null) {
              result.jobProblems.add(name + "a fault not from the plan: " + r);
              continue;
            }
            ran = known;
          }
          if (r.bodyLength() < 0)
            continue; // dropped before the body was read: no way to tell the task
          Matcher m = take.matcher(r.bodyUtf8());
          if (!m.find()) {
            result.jobProblems.add(name + "a submit without a task number: " + r);
            continue;
          }
          byTask.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(r);
          if (ran) reachedHandler++;
        }
        // Dropped-before-read submits never create a job; count the rest.
        if (sim.jobCount() != reachedHandler) {
          result.jobProblems.add(
              name
                  + sim.jobCount()
                  + " jobs but "
                  + reachedHandler
                  + " submits reached the handler");
        }
        if (sim.submitCount() != sim.jobCount()) {
          result.jobProblems.add(
              name + sim.submitCount() + " accepted submits for " + sim.jobCount() + " jobs");
        }
        for (Map.Entry<Integer, List<RecordedRequest>> e : byTask.entrySet()) {
          List<RecordedRequest> rs = e.getValue();
          long jobs =
              rs.stream().filter(r -> r.fault() == null || faultRunsHandler.get(r.fault())).count();
          if (jobs > 1)
            result.jobProblems.add(name + "task " + e.getKey() + " made " + jobs + " jobs: " + rs);
          for (int k = 0; k < rs.size() - 1; k++) {
            if (!retryableSubmitFaults.contains(rs.get(k).fault())) {
              result.jobProblems.add(
                  name + "task " + e.getKey() + " resent its submit after " + rs.get(k));
            }
          }
        }
        Set<String> handles = new HashSet<>();
        long orphansAllowed = 0;
        for (Outcome o : outcomes) {
          if (o.provider != p) continue;
          if (o.error instanceof SubmitOutcomeUnknownException) orphansAllowed++;
          if (o.handle == null) continue;
          if (!handles.add(o.handle.taskId())) {
            result.jobProblems.add(name + "two tasks got the same job " + o.handle.taskId());
          }
          if (sim.job(o.handle.taskId()) == null) {
            result.jobProblems.add(
                name + "task " + o.index + " has a handle the simulator never made: " + o.handle);
          }
        }
        long orphans = sim.jobCount() - handles.size();
        if (orphans < 0 || orphans > orphansAllowed) {
          result.jobProblems.add(
              name
                  + orphans
                  + " jobs nobody got a handle for, but only "
                  + orphansAllowed
                  + " submits ended with SubmitOutcomeUnknownException");
        }
      }
    }
  }

  /** What happened to one task. Written by the task's own stream only. */
  static final class Outcome {
    final int index;
    final Provider provider;
    TaskHandle handle;
    TaskStatus last;
    Throwable error;
    Throwable cancelError;
    int statuses;
    final List<String> violations = new ArrayList<>();

    Outcome(int index, Provider provider) {
      this.index = index;
      this.provider = provider;
    }

    void violation(String what) {
      violations.add(what);
    }
  }

  /** The tallies of a run. */
  static final class Result {
    int total;
    int succeeded;
    int failed;
    int moderated;
    int cancelled;
    int typedErrors;
    int unfinished;
    long faultsServed;
    long heapHeldBytes;
    int connectionsAfterEvict = -1;
    boolean dispatcherTerminated;
    String stuckThreads = "";
    final Map<String, Integer> errorsByType = new TreeMap<>();
    final Map<Provider, int[]> byProvider = new EnumMap<>(Provider.class);
    final List<String> untyped = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    final List<String> jobProblems = new ArrayList<>();

    void account(List<Outcome> outcomes, int expected) {
      total = outcomes.size();
      unfinished = expected - outcomes.size();
      for (Outcome o : outcomes) {
        int[] row = byProvider.computeIfAbsent(o.provider, k -> new int[5]);
        o.violations.forEach(
            v -> violations.add("task " + o.index + " (" + o.provider.id + "): " + v));
        if (o.cancelError != null && !(o.cancelError instanceof VideoApiException)) {
          untyped.add("task " + o.index + " cancel: " + o.cancelError);
        }
        if (o.error != null) {
          if (!(o.error instanceof VideoApiException)) {
            untyped.add("task " + o.index + " (" + o.provider.id + "): " + stackTrace(o.error));
            continue;
          }
          VideoApiException v = (VideoApiException) o.error;
          // A plain VideoApiException around a RuntimeException of another kind is a bug (an NPE, a
          // ClassCastException...) that the engine wrapped on its way out.
          if (v.getClass() == VideoApiException.class
              && v.getCause() instanceof RuntimeException
              && !(v.getCause() instanceof VideoApiException)) {
            untyped.add(
                "task " + o.index + " (" + o.provider.id + "): a wrapped bug: " + stackTrace(v));
          }
          typedErrors++;
          row[4]++;
          errorsByType.merge(v.getClass().getSimpleName(), 1, Integer::sum);
          if (o.handle != null && !o.handle.equals(v.handle().orElse(null))) {
            violations.add(
                "task "
                    + o.index
                    + " ("
                    + o.provider.id
                    + "): error without its handle "
                    + o.handle
                    + ": "
                    + v);
          }
          continue;
        }
        TaskStatus s = o.last;
        if (s == null || !s.isTerminal()) {
          violations.add("task " + o.index + " completed without a terminal status: " + s);
          continue;
        }
        switch (s.state()) {
          case SUCCEEDED:
            succeeded++;
            row[0]++;
            if (s.videos().isEmpty())
              violations.add("task " + o.index + " SUCCEEDED without a video");
            break;
          case FAILED:
            failed++;
            row[1]++;
            if (!s.failure().isPresent()) {
              violations.add("task " + o.index + " FAILED without a failure");
            } else if (s.failure().get().category() == FailureCategory.MODERATION) {
              moderated++;
            } else if (s.failure().get().category() == FailureCategory.CANCELLED) {
              row[3]++;
            }
            break;
          case CANCELLED:
            cancelled++;
            row[2]++;
            break;
          default:
            violations.add("task " + o.index + " ended in " + s.state());
        }
      }
    }

    String summary() {
      Map<String, String> rows = new LinkedHashMap<>();
      byProvider.forEach(
          (p, r) ->
              rows.put(
                  p.id,
                  "succeeded "
                      + r[0]
                      + ", failed "
                      + r[1]
                      + " (cancelled-as-failed "
                      + r[3]
                      + "), cancelled "
                      + r[2]
                      + ", errors "
                      + r[4]));
      return "succeeded "
          + succeeded
          + ", failed "
          + failed
          + " (moderated "
          + moderated
          + "), cancelled "
          + cancelled
          + ", typed errors "
          + typedErrors
          + " "
          + errorsByType
          + ", faults served "
          + faultsServed
          + "; per provider "
          + rows;
    }
  }

  // ---------------------------------------------------------------------------------------------

  static String stackTrace(Throwable t) {
    java.io.StringWriter w = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(w));
    return w.toString();
  }

  /** Names and stacks of the threads whose name matches, for failure messages. */
  static String threadDump(String namePattern) {
    Pattern p = Pattern.compile(namePattern);
    StringBuilder b = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (t, trace) -> {
              if (!p.matcher(t.getName()).find()) return;
              b.append(t.getName()).append(' ').append(t.getState()).append('\n');
              for (StackTraceElement e : trace) b.append("    at ").append(e).append('\n');
            });
    return b.toString();
  }

  static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** Threads alive now, not alive before, created by the code under test, and not steady-state. */
  static List<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(n -> OUR_THREADS.matcher(n).matches() && !STEADY_STATE_THREADS.matcher(n).matches())
        .sorted()
        .collect(Collectors.toList());
  }

  /** Used heap after full collections, once two readings in a row agree within 256 KiB. */
  static long usedHeapAfterGc() {
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 10; i++) {
      System.gc();
      System.runFinalization();
      used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 256 * 1024) break;
      previous = used;
    }
    return used;
  }

  /**
   * Polls {@code read} until {@code done} accepts it or the deadline passes; returns the last
   * value.
   */
  static <T> T eventually(
      java.util.function.Supplier<T> read, java.util.function.Predicate<T> done, Duration max) {
    long end = System.nanoTime() + max.toNanos();
    T value = read.get();
    while (!done.test(value) && System.nanoTime() < end) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = read.get();
    }
    return value;
  }
}
