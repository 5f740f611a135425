package io.github.pixverse4j.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process fake of one provider's HTTP API, on a free loopback port. Subclasses declare the
 * provider's routes, auth check and JSON; this class records every request, holds scripted jobs,
 * injects faults and serves media.
 *
 * <pre>{@code
 * try (MySimulator sim = new MySimulator("key").start()) {
 *   sim.nextJobs(Lifecycle.builder().queued(2, 3).running(30, 60, 90).succeeded());
 *   sim.faults().on("status").call(1).respond(Fault.status(503, "busy"));
 *   // ... point the client at sim.baseUrl() ...
 *   assertThat(sim.requestCount("submit")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Media ({@link #videoUrl}, {@link #largeMediaUrl}) is served under {@code /media/} on the same
 * port, outside the base path, without any auth check; its requests are recorded under the endpoint
 * name {@value #MEDIA_ENDPOINT} and faults apply to it like to any endpoint.
 *
 * <p>Thread-safe. Call {@link #close()} (or use try-with-resources) to free the port and threads.
 */
public abstract class ProviderSimulator implements AutoCloseable {
  /** Request bodies longer than this are recorded only up to this many bytes. */
  public static final int MAX_RECORDED_BODY_BYTES = 32 * 1024 * 1024;

  /** The endpoint name of the media routes. */
  public static final String MEDIA_ENDPOINT = "media";

  /**
   * The JDK's switch for {@code TCP_NODELAY} on the sockets of {@code com.sun.net.httpserver}
   * servers, which {@link #start()} sets to {@code true} when it is unset. That server writes an
   * answer's headers and body separately; with Nagle's algorithm on, each small answer on a
   * kept-alive connection waits for the client's delayed ACK (about 40 ms), which caps a simulator
   * at a few hundred requests per second and makes every test against it slow. The JDK reads it
   * once, when the JVM's first such server is created, so it is set just before the simulator
   * creates its server, and only there: starting a simulator is the one action that asks for it,
   * and an explicit setting (say {@code -Dsun.net.httpserver.nodelay=false}) wins. It affects only
   * {@code com.sun.net.httpserver} servers created afterwards in the same JVM.
   */
  public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  /** Jackson mapper for subclasses (ignores unknown properties when reading). */
  protected static final ObjectMapper JSON = Json.MAPPER;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ProviderSimulator.class.getName());
  private static final Pattern LARGE_MEDIA = Pattern.compile("large-(\\d{1,18})\\.mp4");
  private static final byte[] SAMPLE_MP4 = loadSample();
  private static final Pattern OPEN_RANGE = Pattern.compile("bytes=(\\d{1,9})-");
  private static final AtomicInteger SERVER_IDS = new AtomicInteger();

  private static final Lifecycle INITIAL_DEFAULT_LIFECYCLE =
      Lifecycle.builder().queued(1, 1).running(50, 90).succeeded();

  private final String providerId;
  private final String apiKey;
  private final Routes routes = new Routes();
  private final FaultPlan faults = new FaultPlan();

  /** The id a {@link Fault#hostileTaskId} fault gives the job the current request creates. */
  private final ThreadLocal<String> jobIdOverride = new ThreadLocal<>();

  private final Object recordLock = new Object();
  private final List<RecordedRequest> recorded = new ArrayList<>();
  private long requestSequence;

  private final Map<String, SimJob> jobs = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Lifecycle> nextJobs = new ConcurrentLinkedQueue<>();
  private final AtomicLong jobSequence = new AtomicLong();
  private final AtomicLong jobIds = new AtomicLong();
  private final AtomicInteger submits = new AtomicInteger();

  /** Guards the concurrency limit's check-and-create and {@link #limitedJobs}. */
  private final Object limitLock = new Object();

  /** Jobs created while a limit was set that were not seen terminal yet; guarded by limitLock. */
  private final Set<SimJob> limitedJobs = new java.util.HashSet<>();

  private volatile int concurrencyLimit;
  private final AtomicInteger limitRefusals = new AtomicInteger();
  private int peakConcurrentJobs;
  private final List<Throwable> handlerFailures = Collections.synchronizedList(new ArrayList<>());
  private volatile Lifecycle defaultLifecycle = INITIAL_DEFAULT_LIFECYCLE;

  /** Chooses each default job's lifecycle when set; overrides {@link #defaultLifecycle}. */
  private volatile java.util.function.Supplier<Lifecycle> lifecycleChooser;

  /** Files given to {@link #hostMedia}, by their name under {@code /media/}. */
  private final Map<String, SimResponse> hostedMedia = new ConcurrentHashMap<>();

  private final AtomicInteger hostedMediaIds = new AtomicInteger();
  private volatile Clock clock = Clock.systemUTC();
  private volatile boolean mediaRanges;
  private volatile CallbackSender callbacks;

  private HttpServer server;
  private ThreadPoolExecutor executor;
  private String basePath;
  private Set<String> credentialNames;
  private volatile String origin;
  private int port;
  private boolean closed;

  /**
   * @param providerId a short name for messages and thread names, e.g. "gmi"
   * @param apiKey the key the auth check accepts
   */
  protected ProviderSimulator(String providerId, String apiKey) {
    this.providerId = Objects.requireNonNull(providerId, "providerId == null");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
  }

  /** Registers the provider's routes; called once by {@link #start()}. */
  protected abstract void configure(Routes routes);

  /**
   * The path prefix of the provider's API, e.g. {@code "/api/v1"}; "" (the default) or starting
   * with "/" and not ending with "/". Route patterns are relative to it.
   */
  protected String basePath() {
    return "";
  }

  /**
   * Checks the credentials of a request to an authenticated route: returns null to let it through,
   * else the provider's error response. The default accepts {@code Authorization: Bearer <apiKey>}
   * and otherwise answers 401 {@code {"error":"unauthorized"}}.
   */
  protected SimResponse checkAuth(RecordedRequest request) {
    return apiKey.equals(bearerToken(request))
        ? null
        : SimResponse.rawJson(401, "{\"error\":\"unauthorized\"}");
  }

  /**
   * Header names that count as credentials for {@link RecordedRequest#credentialsSent()}
   * (case-insensitive; read once by {@link #start()}). The default returns a new mutable set, so an
   * override can add the provider's own key header to {@code super.credentialHeaders()}.
   */
  protected Set<String> credentialHeaders() {
    Set<String> names = new LinkedHashSet<>();
    Collections.addAll(
        names, "Authorization", "Proxy-Authorization", "API-KEY", "X-API-Key", "Cookie");
    return names;
  }

  /**
   * Worker threads serving requests. A fixed pool keeps a load test with thousands of requests in
   * flight from creating thousands of threads: extra requests wait in the queue, which costs little
   * because handlers only touch memory. Only {@link Fault#delay delays} hold a thread while idle,
   * hence more threads than cores. Daemon threads that time out when idle, so a forgotten simulator
   * costs nothing; the pool is shut down by {@link #close()}.
   */
  protected int workerThreads() {
    return 32;
  }

  /**
   * Whether {@code request} carries {@code Authorization: <scheme> <this simulator's key>}, the
   * scheme in any case (the check of the configurable family simulators).
   */
  protected final boolean hasAuthorization(RecordedRequest request, String scheme) {
    String header = request.header("Authorization");
    String prefix = scheme + " ";
    return header != null
        && header.length() > prefix.length()
        && header.regionMatches(true, 0, prefix, 0, prefix.length())
        && apiKey.equals(header.substring(prefix.length()).trim());
  }

  /** The token of an {@code Authorization: Bearer <token>} header, or null. */
  protected static String bearerToken(RecordedRequest request) {
    String header = request.header("Authorization");
    if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).trim();
  }

  /**
   * The port {@link #start()} listens on: 0 (the default) for a free one the system picks, which
   * tests should keep; a fixed port is for a simulator that people point other programs at.
   *
   * @param port 0 to 65535
   * @throws IllegalArgumentException if {@code port} is outside that range
   * @throws IllegalStateException if already started
   */
  public synchronized ProviderSimulator port(int port) {
    if (port < 0 || port > 65535)
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    if (server != null)
      throw new IllegalStateException(providerId + " simulator was already started");
    this.port = port;
    return this;
  }

  /**
   * Starts the server on {@code 127.0.0.1} and a free port (or the one set by {@link #port(int)}).
   * Subclasses may override it to return their own type: {@code public MySim start() {
   * super.start(); return this; }}.
   *
   * <p>When the system property {@value #NO_DELAY_PROPERTY} is not set, the first start in a JVM
   * sets it to {@code true} (see {@link #NO_DELAY_PROPERTY}); set it yourself, before, to keep
   * another value. Loading this class sets nothing.
   *
   * @throws IllegalStateException if already started or closed
   */
  public ProviderSimulator start() {
    synchronized (this) {
      if (server != null || closed) {
        throw new IllegalStateException(providerId + " simulator was already started");
      }
      String path = Objects.requireNonNull(basePath(), "basePath() == null");
      if (!path.isEmpty() && (!path.startsWith("/") || path.endsWith("/"))) {
        throw new IllegalStateException(
            "basePath() must be \"\" or start with / and not end with /: " + path);
      }
      basePath = path;
      credentialNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      credentialNames.addAll(
          Objects.requireNonNull(credentialHeaders(), "credentialHeaders() == null"));
      routes.add("GET", "/media/([^/]+)", MEDIA_ENDPOINT, this::serveMedia, false, true);
      configure(routes);
      routes.freeze();

      int threads = workerThreads();
      int serverId = SERVER_IDS.incrementAndGet();
      AtomicInteger threadIds = new AtomicInteger();
      executor =
          new ThreadPoolExecutor(
              threads,
              threads,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t =
                    new Thread(
                        r,
                        "simulator-"
                            + providerId
                            + "-"
                            + serverId
                            + "-"
                            + threadIds.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      executor.allowCoreThreadTimeOut(true);
      if (System.getProperty(NO_DELAY_PROPERTY) == null) {
        System.setProperty(NO_DELAY_PROPERTY, "true");
      }
      try {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, port), 1024);
      } catch (IOException e) {
        executor.shutdownNow();
        throw new UncheckedIOException(
            "cannot start the "
                + providerId
                + " simulator"
                + (port == 0 ? "" : " on port " + port)
                + ": "
                + e.getMessage(),
            e);
      }
      server.createContext("/", this::handleExchange);
      server.setExecutor(executor);
      server.start();
      origin = "http://127.0.0.1:" + server.getAddress().getPort();
      return this;
    }
  }

  /** Stops the server at once (open connections are closed) and releases its threads. */
  @Override
  public void close() {
    HttpServer s;
    ThreadPoolExecutor e;
    synchronized (this) {
      closed = true;
      s = server;
      e = executor;
    }
    if (s != null) {
      s.stop(0);
    }
    if (e != null) {
      e.shutdownNow();
    }
  }

  public String providerId() {
    return providerId;
  }

  public String apiKey() {
    return apiKey;
  }

  /**
   * The URL to give a client: {@code http://127.0.0.1:<port>} plus {@link #basePath()} (already
   * included), without a trailing slash; for base path {@code /api/v3}, {@code
   * http://127.0.0.1:<port>/api/v3}. The client's paths are relative to it and must not repeat the
   * base path: a request to {@code /api/v3/api/v3/…} is answered 404 and recorded in {@link
   * #handlerFailures()} with that explanation, so the test during which it happened fails saying
   * so.
   */
  public String baseUrl() {
    return origin() + basePath;
  }

  /**
   * The endpoint name a request would be routed to ({@value #MEDIA_ENDPOINT} for media), or null
   * when no route matches; for tests that watch requests on the client's side of the wire.
   *
   * @param method the HTTP method, such as {@code "GET"}
   * @param rawPath the request's raw (still percent-encoded) path, base path included
   * @throws IllegalStateException if the simulator is not started
   */
  public String endpointOf(String method, String rawPath) {
    origin();
    Routes.Match match = routes.resolve(method.toUpperCase(Locale.ROOT), rawPath, basePath);
    return match.route == null ? null : match.route.endpointName;
  }

  /** The port the server listens on. */
  public int port() {
    return URI.create(origin()).getPort();
  }

  /** The URL of the sample MP4 for a job; per-protocol simulators put it in success responses. */
  public String videoUrl(String jobId) {
    Objects.requireNonNull(jobId, "jobId == null");
    return origin() + "/media/" + encodeUtf8(jobId).replace("+", "%20") + ".mp4";
  }

  /**
   * The URL of a synthetic {@code video/mp4} body of exactly {@code sizeBytes} bytes (byte {@code
   * i} is {@link #largeMediaByte largeMediaByte(i)}: an MP4 {@code ftyp} box, then a pattern),
   * declared in Content-Length and streamed with a small buffer, for download tests of any size.
   */
  /**
   * Byte {@code offset} of every {@link #largeMediaUrl} body: the 24 bytes of an MP4 {@code ftyp}
   * box, then {@code (byte) (offset % 251)}.
   */
  public static byte largeMediaByte(long offset) {
    if (offset < 0) throw new IllegalArgumentException("offset must be >= 0: " + offset);
    return StreamedBody.patternByte(offset);
  }

  public String largeMediaUrl(long sizeBytes) {
    if (sizeBytes < 0) {
      throw new IllegalArgumentException("sizeBytes must be >= 0: " + sizeBytes);
    }
    return origin() + "/media/large-" + sizeBytes + ".mp4";
  }

  /**
   * Whether {@link #videoUrl} media honours an open-ended {@code Range: bytes=<first>-} request
   * with {@code 206 Partial Content} and its {@code Content-Range} (RFC 9110 §14), as most CDNs do.
   * Default {@code false}: the whole video with {@code 200}, as a host without range support
   * answers. Other range forms always get the whole video.
   */
  public ProviderSimulator mediaRanges(boolean enabled) {
    this.mediaRanges = enabled;
    return this;
  }

  /**
   * Serves {@code bytes} under {@code /media/} on this simulator's port, as a public web host
   * serves a file uploaded to it, and returns its URL (no auth check, like all media). For giving a
   * local image to a simulated provider that takes image URLs only: the URL's last segment keeps
   * {@code fileName}'s extension, which some providers check. The file is served until {@link
   * #reset()} or {@link #close()}.
   *
   * @param fileName the file's name, such as {@code cat.png}; characters other than letters,
   *     digits, {@code .}, {@code _} and {@code -} are replaced by {@code _}
   * @param contentType the {@code Content-Type} to answer with, such as {@code image/png}
   */
  public String hostMedia(String fileName, String contentType, byte[] bytes) {
    Objects.requireNonNull(fileName, "fileName == null");
    Objects.requireNonNull(contentType, "contentType == null");
    Objects.requireNonNull(bytes, "bytes == null");
    String name =
        "hosted-"
            + hostedMediaIds.incrementAndGet()
            + "-"
            + fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    hostedMedia.put(name, SimResponse.of(200, contentType, bytes.clone()));
    return origin() + "/media/" + name;
  }

  /** The bytes of the sample MP4 every {@link #videoUrl} serves (a copy). */
  public byte[] mediaBytes() {
    return SAMPLE_MP4.clone();
  }

  /** The fault script; see {@link FaultPlan}. */
  public FaultPlan faults() {
    return faults;
  }

  /** The clock for timestamps and timed lifecycles (default: the system UTC clock). */
  public Clock clock() {
    return clock;
  }

  /**
   * A new {@link CallbackSender} for this simulator's callbacks, replacing any earlier one: on this
   * simulator's {@link #clock()}, with a fixed seed so the nonces repeat from run to run. What a
   * provider simulator's {@code callbacksTo(..)} makes and returns.
   */
  protected final CallbackSender newCallbackSender(CallbackSender.Transport transport) {
    CallbackSender sender = new CallbackSender(clock(), 20261205L, transport);
    callbacks = sender;
    return sender;
  }

  /**
   * The sender of the last {@link #newCallbackSender}, for a provider simulator's {@code
   * sendCallback(..)}.
   *
   * @throws IllegalStateException when there is none yet ("callbacksTo(..) first")
   */
  protected final CallbackSender callbackSender() {
    CallbackSender sender = callbacks;
    if (sender == null) throw new IllegalStateException("callbacksTo(..) first");
    return sender;
  }

  /** Replaces the clock, e.g. with a {@link SimClock}; existing jobs follow the new clock too. */
  public ProviderSimulator clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    return this;
  }

  // ---- recorded requests ----

  /** Every request received so far, in arrival order (a snapshot). */
  public List<RecordedRequest> requests() {
    synchronized (recordLock) {
      return Collections.unmodifiableList(new ArrayList<>(recorded));
    }
  }

  /** The requests routed to this endpoint, in arrival order (a snapshot). */
  public List<RecordedRequest> requests(String endpointName) {
    Objects.requireNonNull(endpointName, "endpointName == null");
    List<RecordedRequest> result = new ArrayList<>();
    synchronized (recordLock) {
      for (RecordedRequest r : recorded) {
        if (endpointName.equals(r.endpointName())) {
          result.add(r);
        }
      }
    }
    return Collections.unmodifiableList(result);
  }

  /** How many recorded requests were routed to this endpoint. */
  public int requestCount(String endpointName) {
    return requests(endpointName).size();
  }

  /** Forgets the recorded requests (fault call numbers keep counting). */
  public void clearRequests() {
    synchronized (recordLock) {
      recorded.clear();
    }
  }

  /**
   * Exceptions thrown by handlers or {@link #checkAuth} (each answered with a 500), and an {@code
   * IllegalStateException} for each request whose path repeats the base path (answered 404; see
   * {@link #baseUrl()}); a test can assert this is empty to catch bugs in a simulator or its use.
   */
  public List<Throwable> handlerFailures() {
    synchronized (handlerFailures) {
      return Collections.unmodifiableList(new ArrayList<>(handlerFailures));
    }
  }

  // ---- jobs ----

  /**
   * Queues lifecycles for the next jobs, first in first out; once they are used up jobs follow the
   * {@link #defaultLifecycle(Lifecycle) default}.
   */
  public ProviderSimulator nextJobs(Lifecycle... lifecycles) {
    Objects.requireNonNull(lifecycles, "lifecycles == null");
    for (Lifecycle l : lifecycles) {
      nextJobs.add(Objects.requireNonNull(l, "lifecycle == null"));
    }
    return this;
  }

  /**
   * Sets the lifecycle of jobs created while {@link #nextJobs} is empty. Initially: queued
   * (position 1) for one read, running 50 % then 90 %, then succeeded.
   */
  public ProviderSimulator defaultLifecycle(Lifecycle lifecycle) {
    this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle == null");
    this.lifecycleChooser = null;
    return this;
  }

  /**
   * Sets how the lifecycle of each job created while {@link #nextJobs} is empty is chosen: {@code
   * chooser} is asked once per new job (from the request's thread), for example to fail a share of
   * the jobs at random. Replaces {@link #defaultLifecycle(Lifecycle)} until that is called again or
   * {@link #reset()}.
   */
  public ProviderSimulator defaultLifecycles(java.util.function.Supplier<Lifecycle> chooser) {
    this.lifecycleChooser = Objects.requireNonNull(chooser, "chooser == null");
    return this;
  }

  public Lifecycle defaultLifecycle() {
    return defaultLifecycle;
  }

  /** All jobs in creation order (a snapshot). */
  public List<SimJob> jobs() {
    List<SimJob> list = new ArrayList<>(jobs.values());
    list.sort(Comparator.comparingLong(SimJob::sequence));
    return Collections.unmodifiableList(list);
  }

  /** The job with this id, or null. */
  public SimJob job(String id) {
    return jobs.get(Objects.requireNonNull(id, "id == null"));
  }

  /** How many distinct jobs exist. */
  public int jobCount() {
    return jobs.size();
  }

  /**
   * How many submits were accepted by {@link #createJob}, counting a resubmit to an existing id;
   * with {@link #jobCount()} this proves a client never submitted twice.
   */
  public int submitCount() {
    return submits.get();
  }

  /**
   * Makes the simulator refuse a submit while {@code limit} of its jobs have not ended (queued or
   * running, by their lifecycle), as the real services cap concurrent generations per account; each
   * provider's simulator answers the refusal as its service does (PixVerse: ErrCode 500044 on HTTP
   * 200; the others: 429 with {@code Retry-After: }{@value #LIMIT_RETRY_AFTER_SECONDS}). Jobs
   * created before the limit was set do not count. Default 0: no limit.
   *
   * @param limit 0 (no limit) or more
   */
  public ProviderSimulator concurrencyLimit(int limit) {
    if (limit < 0) throw new IllegalArgumentException("limit must be >= 0: " + limit);
    this.concurrencyLimit = limit;
    return this;
  }

  /** The {@link #concurrencyLimit(int)}; 0 for none. */
  public int concurrencyLimit() {
    return concurrencyLimit;
  }

  /** The {@code Retry-After} (seconds) of the simulators' answers to a submit over the limit. */
  public static final int LIMIT_RETRY_AFTER_SECONDS = 1;

  /** How many submits the {@link #concurrencyLimit(int)} refused. */
  public int limitRefusals() {
    return limitRefusals.get();
  }

  /**
   * The most jobs that had not ended at once, counted at each submit while a {@link
   * #concurrencyLimit(int)} was set; never above the limit.
   */
  public int peakConcurrentJobs() {
    synchronized (limitLock) {
      return peakConcurrentJobs;
    }
  }

  /**
   * {@link #createJob} unless a {@link #concurrencyLimit(int)} is set and that many jobs have not
   * ended: then nothing is created, the refusal is counted, and null is returned for the caller to
   * answer with its provider's refusal. The check and the creation are one atomic step, so
   * concurrent submits never exceed the limit.
   */
  protected final SimJob createJobWithinLimit(
      String id, Object submittedBody, DecodedRequest decoded) {
    int limit = concurrencyLimit;
    if (limit == 0) return createJob(id, submittedBody, decoded);
    synchronized (limitLock) {
      limitedJobs.removeIf(j -> j.peek().isTerminal());
      if (limitedJobs.size() >= limit) {
        limitRefusals.incrementAndGet();
        return null;
      }
      SimJob job = createJob(id, submittedBody, decoded);
      limitedJobs.add(job);
      peakConcurrentJobs = Math.max(peakConcurrentJobs, limitedJobs.size());
      return job;
    }
  }

  /**
   * Forgets requests, jobs, queued lifecycles, faults (and their call numbers) and handler
   * failures, and restores the initial default lifecycle, so one started simulator can serve many
   * tests. Job ids keep counting, so an old id never names a new job.
   */
  public void reset() {
    clearRequests();
    faults.clear();
    jobs.clear();
    nextJobs.clear();
    submits.set(0);
    handlerFailures.clear();
    defaultLifecycle = INITIAL_DEFAULT_LIFECYCLE;
    lifecycleChooser = null;
    hostedMedia.clear();
    mediaRanges = false;
    concurrencyLimit = 0;
    limitRefusals.set(0);
    synchronized (limitLock) {
      limitedJobs.clear();
      peakConcurrentJobs = 0;
    }
  }

  /**
   * Accepts a submit: creates a job with this id (or the one a {@link Fault#hostileTaskId} fault on
   * this request names: answer with {@link SimJob#id()}) following the next lifecycle (see {@link
   * #nextJobs}), or, if the id already exists (e.g. one derived from an idempotency key), counts
   * one more submit on that job and returns it.
   */
  protected SimJob createJob(String id, Object submittedBody) {
    return newJob(id, submittedBody, null);
  }

  /**
   * Accepts a submit as {@link #createJob(String, Object)} does, and records what the request
   * meant: {@code decoded}, every setting the simulator understood from the wire, in the library's
   * terms, available as {@link SimJob#decoded()}. Every simulator a provider's contract test runs
   * against should use this one: the testkit's contract checks that each setting of a request
   * arrived intact (a resubmit to an existing id keeps the first request's view).
   */
  protected SimJob createJob(String id, Object submittedBody, DecodedRequest decoded) {
    return newJob(id, submittedBody, Objects.requireNonNull(decoded, "decoded == null"));
  }

  private SimJob newJob(String id, Object submittedBody, DecodedRequest decoded) {
    Objects.requireNonNull(id, "id == null");
    String hostile = jobIdOverride.get();
    if (hostile != null) {
      id = hostile;
    }
    submits.incrementAndGet();
    return jobs.compute(
        id,
        (key, existing) -> {
          if (existing != null) {
            existing.addSubmit();
            return existing;
          }
          Lifecycle next = nextJobs.poll();
          java.util.function.Supplier<Lifecycle> chooser = lifecycleChooser;
          if (next == null && chooser != null) {
            next = Objects.requireNonNull(chooser.get(), "the lifecycle chooser returned null");
          }
          return new SimJob(
              key,
              jobSequence.incrementAndGet(),
              clock.instant(),
              next != null ? next : defaultLifecycle,
              submittedBody,
              decoded,
              () -> clock.instant());
        });
  }

  /**
   * Numbers the next jobs from {@code first} instead of 1, so that simulators in different
   * processes (one per command-line run, for example) do not hand out the same task ids. Call it
   * before the first submit.
   *
   * @param first the next job's number, 1 to {@value #MAX_FIRST_JOB_NUMBER}
   * @throws IllegalArgumentException if {@code first} is outside that range
   * @throws IllegalStateException if this simulator has already numbered a job
   */
  public ProviderSimulator firstJobNumber(long first) {
    if (first < 1 || first > MAX_FIRST_JOB_NUMBER) {
      throw new IllegalArgumentException(
          "first must be 1.." + MAX_FIRST_JOB_NUMBER + ", got " + first);
    }
    if (!jobIds.compareAndSet(0, first - 1)) {
      throw new IllegalStateException(
          "firstJobNumber must be set before the first job is numbered");
    }
    return this;
  }

  /**
   * The largest {@link #firstJobNumber}: ids derived from job numbers keep their providers' shape
   * (PixVerse's 12-digit video ids) even after many jobs.
   */
  public static final long MAX_FIRST_JOB_NUMBER = 90_000_000_000L;

  /** The next job number: 1, 2, ... (or from {@link #firstJobNumber}); never reused. */
  protected final long newJobNumber() {
    return jobIds.incrementAndGet();
  }

  /** A fresh job id: {@code job-1}, {@code job-2}, ... (never reused by this simulator). */
  protected String newJobId() {
    return "job-" + newJobNumber();
  }

  // ---- HTTP ----

  private String origin() {
    String o = origin;
    if (o == null) {
      throw new IllegalStateException(providerId + " simulator is not started");
    }
    return o;
  }

  private SimResponse serveMedia(SimRequest request) {
    SimResponse hosted = hostedMedia.get(request.pathParam(1));
    if (hosted != null) return hosted;
    Matcher large = LARGE_MEDIA.matcher(request.pathParam(1));
    if (large.matches()) {
      long size = Long.parseLong(large.group(1));
      return SimResponse.streamed(200, "video/mp4", StreamedBody.pattern(size));
    }
    Matcher range =
        mediaRanges ? OPEN_RANGE.matcher(String.valueOf(request.header("Range"))) : null;
    if (range != null && range.matches()) {
      long first = Long.parseLong(range.group(1));
      if (first < SAMPLE_MP4.length) {
        return SimResponse.of(
                206,
                "video/mp4",
                java.util.Arrays.copyOfRange(SAMPLE_MP4, (int) first, SAMPLE_MP4.length))
            .withHeader(
                "Content-Range",
                "bytes " + first + "-" + (SAMPLE_MP4.length - 1) + "/" + SAMPLE_MP4.length);
      }
    }
    return SimResponse.of(200, "video/mp4", SAMPLE_MP4);
  }

  private void handleExchange(HttpExchange exchange) throws IOException {
    try {
      serve(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AbortConnectionException();
    }
    // AbortConnectionException and IOException propagate: the JDK server then closes the connection
    // without sending (the rest of) a response.
  }

  private void serve(HttpExchange exchange) throws IOException, InterruptedException {
    Instant receivedAt = clock.instant();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery();
    Routes.Match match = routes.resolve(method, path, basePath);
    String endpoint = match.route == null ? null : match.route.endpointName;
    FaultPlan.Call call = endpoint == null ? null : faults.nextCall(endpoint);
    int callNumber = call == null ? 0 : call.number;
    Fault fault = call == null ? null : call.fault;
    Headers requestHeaders = exchange.getRequestHeaders();

    if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE_READ) {
      sleep(fault.delay());
      record(
          receivedAt,
          method,
          path,
          query,
          requestHeaders,
          new byte[0],
          -1,
          endpoint,
          callNumber,
          fault);
      throw new AbortConnectionException();
    }

    ByteArrayOutputStream body = new ByteArrayOutputStream();
    long bodyLength = readBody(exchange.getRequestBody(), body);
    RecordedRequest request =
        record(
            receivedAt,
            method,
            path,
            query,
            requestHeaders,
            body.toByteArray(),
            bodyLength,
            endpoint,
            callNumber,
            fault);
    if (fault != null) {
      sleep(fault.delay());
    }

    SimResponse response;
    if (fault == null || fault.runsHandler()) {
      jobIdOverride.set(
          fault != null && fault.kind() == Fault.Kind.HOSTILE_TASK_ID ? fault.taskId() : null);
      try {
        response = dispatch(match, request);
      } finally {
        jobIdOverride.remove();
      }
    } else {
      response = null;
    }
    if (fault == null) {
      send(exchange, method, response, false);
      return;
    }
    switch (fault.kind()) {
      case NONE:
        send(exchange, method, response.withExtraHeaders(fault.headers()), false);
        return;
      case DROP_AFTER_READ:
        throw new AbortConnectionException();
      case TRUNCATED_BODY:
        sendTruncated(
            exchange, response.withExtraHeaders(fault.headers()), response.bodyLength() / 2);
        return;
      case DROP_MID_BODY:
        sendTruncated(exchange, response.withExtraHeaders(fault.headers()), fault.size());
        return;
      case WRONG_CONTENT_RANGE:
        sendRange(exchange, response.withExtraHeaders(fault.headers()), fault.size());
        return;
      case SHORT_COMPLETE_BODY:
        sendPrefix(exchange, response.withExtraHeaders(fault.headers()), response.bodyLength() / 2);
        return;
      case TRICKLE:
        sendTrickling(
            exchange, response.withExtraHeaders(fault.headers()), Duration.ofNanos(fault.size()));
        return;
      case HOSTILE_TASK_ID:
        send(exchange, method, response.withExtraHeaders(fault.headers()), false);
        return;
      default:
        send(exchange, method, fault.response(), fault.chunked());
    }
  }

  private SimResponse dispatch(Routes.Match match, RecordedRequest request) {
    if (match.route == null) {
      String doubled = basePath + basePath;
      if (!basePath.isEmpty()
          && (request.path().equals(doubled) || request.path().startsWith(doubled + "/"))) {
        // Never a real route: a client whose base URL is baseUrl() wrote the base path again.
        handlerFailures.add(
            new IllegalStateException(
                "no route for "
                    + request.method()
                    + " "
                    + request.path()
                    + ": the base path "
                    + basePath
                    + " appears twice. baseUrl() already ends with basePath(), so a client given"
                    + " baseUrl() must use paths relative to it (without "
                    + basePath
                    + ")"));
        return SimResponse.rawJson(404, "{\"error\":\"not found: base path repeated\"}");
      }
      if (match.allowedMethods.isEmpty()) {
        return SimResponse.rawJson(404, "{\"error\":\"not found\"}");
      }
      return SimResponse.rawJson(405, "{\"error\":\"method not allowed\"}")
          .withHeader("Allow", String.join(", ", match.allowedMethods));
    }
    try {
      if (match.route.authenticated) {
        SimResponse denied = checkAuth(request);
        if (denied != null) {
          return denied;
        }
      }
      SimResponse response = match.route.handler.handle(new SimRequest(request, match.groups));
      if (response == null) {
        throw new IllegalStateException(
            "handler of " + match.route.endpointName + " returned null for " + request);
      }
      return response;
    } catch (Exception | Error e) {
      // Errors too (an AssertionError in a handler, say): left to the JDK server they would
      // kill the worker and leave the client waiting for an answer.
      handlerFailures.add(e);
      LOG.log(java.util.logging.Level.FINE, "handler failed on " + request, e);
      return SimResponse.text(500, "simulator handler failed: " + e.getClass().getSimpleName());
    }
  }

  private RecordedRequest record(
      Instant receivedAt,
      String method,
      String path,
      String query,
      Headers headers,
      byte[] body,
      long bodyLength,
      String endpoint,
      int callNumber,
      Fault fault) {
    boolean credentials = carriesCredentials(headers, query);
    synchronized (recordLock) {
      RecordedRequest r =
          new RecordedRequest(
              ++requestSequence,
              receivedAt,
              method,
              path,
              query,
              headers,
              body,
              bodyLength,
              endpoint,
              callNumber,
              credentials,
              fault);
      recorded.add(r);
      return r;
    }
  }

  private boolean carriesCredentials(Headers headers, String query) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (credentialNames.contains(h.getKey())) {
        return true;
      }
      if (!apiKey.isEmpty()) {
        for (String value : h.getValue()) {
          if (value != null && value.contains(apiKey)) {
            return true;
          }
        }
      }
    }
    return query != null
        && !apiKey.isEmpty()
        && (query.contains(apiKey) || SimRequest.percentDecode(query).contains(apiKey));
  }

  private static long readBody(InputStream in, ByteArrayOutputStream kept) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      int room = MAX_RECORDED_BODY_BYTES - kept.size();
      if (room > 0) {
        kept.write(buffer, 0, Math.min(n, room));
      }
      total += n;
    }
    return total;
  }

  private static void send(
      HttpExchange exchange, String method, SimResponse response, boolean chunked)
      throws IOException {
    setHeaders(exchange, response);
    int status = response.status();
    long length = response.bodyLength();
    boolean bodyForbidden = status < 200 || status == 204 || status == 304;
    if (method.equals("HEAD") || bodyForbidden) {
      if (!bodyForbidden) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, chunked ? 0 : length == 0 ? -1 : length);
    try (OutputStream out = exchange.getResponseBody()) {
      writeBody(response, out, Long.MAX_VALUE);
    }
    exchange.close();
  }

  /** Sends the headers with the full length, then at most {@code cut} bytes, then drops. */
  private static void sendTruncated(HttpExchange exchange, SimResponse response, long cut)
      throws IOException {
    setHeaders(exchange, response);
    long length = response.bodyLength();
    long declared = Math.max(length, 1);
    long sent = Math.max(0, Math.min(cut, length - 1));
    exchange.sendResponseHeaders(response.status(), declared);
    OutputStream out = exchange.getResponseBody();
    writeBody(response, out, sent);
    out.flush();
    throw new AbortConnectionException();
  }

  /** A complete 206 answer with the body from {@code offset} on and a Content-Range saying so. */
  private static void sendRange(HttpExchange exchange, SimResponse response, long offset)
      throws IOException {
    setHeaders(exchange, response);
    long length = response.bodyLength();
    long from = Math.min(offset, Math.max(0, length - 1));
    exchange
        .getResponseHeaders()
        .set("Content-Range", "bytes " + from + "-" + (length - 1) + "/" + length);
    exchange.sendResponseHeaders(206, length - from);
    try (OutputStream out = exchange.getResponseBody()) {
      writeBodyFrom(response, out, from, length);
    }
    exchange.close();
  }

  /** A complete, well-framed answer with only the first {@code bytes} of the body. */
  private static void sendPrefix(HttpExchange exchange, SimResponse response, long bytes)
      throws IOException {
    setHeaders(exchange, response);
    exchange.sendResponseHeaders(response.status(), bytes == 0 ? -1 : bytes);
    try (OutputStream out = exchange.getResponseBody()) {
      writeBody(response, out, bytes);
    }
    exchange.close();
  }

  /** The answer's headers at once, then its body one byte per {@code perByte}. */
  private static void sendTrickling(HttpExchange exchange, SimResponse response, Duration perByte)
      throws IOException, InterruptedException {
    setHeaders(exchange, response);
    long length = response.bodyLength();
    exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    OutputStream out = exchange.getResponseBody();
    for (long i = 0; i < length; i++) {
      writeBodyFrom(response, out, i, i + 1);
      out.flush();
      sleep(perByte);
    }
    out.close();
    exchange.close();
  }

  private static void writeBodyFrom(SimResponse response, OutputStream out, long from, long to)
      throws IOException {
    StreamedBody streamed = response.streamedBody();
    if (streamed != null) {
      for (long i = from; i < to; i++) out.write(streamed.byteAt(i));
    } else {
      out.write(response.bodyBytes(), (int) from, (int) (to - from));
    }
  }

  private static void setHeaders(HttpExchange exchange, SimResponse response) {
    Headers h = exchange.getResponseHeaders();
    if (response.contentType() != null) {
      h.set("Content-Type", response.contentType());
    }
    for (Map.Entry<String, String> e : response.headers()) {
      h.add(e.getKey(), e.getValue());
    }
  }

  private static void writeBody(SimResponse response, OutputStream out, long limit)
      throws IOException {
    StreamedBody streamed = response.streamedBody();
    if (streamed != null) {
      streamed.writeTo(out, limit);
    } else {
      byte[] bytes = response.bodyBytes();
      out.write(bytes, 0, (int) Math.min(limit, bytes.length));
    }
  }

  private static void sleep(Duration delay) throws InterruptedException {
    if (!delay.isZero()) {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    }
  }

  private static String encodeUtf8(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError("every JVM has UTF-8", e);
    }
  }

  private static byte[] loadSample() {
    try (InputStream in = ProviderSimulator.class.getResourceAsStream("sample.mp4")) {
      if (in == null) {
        throw new IllegalStateException("sample.mp4 is missing from the simulator jar");
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Thrown out of the exchange handler to make the JDK server close the connection without
   * finishing the response; it logs such exceptions only at TRACE level.
   */
  private static final class AbortConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbortConnectionException() {
      super("connection dropped by a simulated fault", null, false, false);
    }
  }
}
