package dev.conduit.awx.simulator;

import com.sun.net.httpserver.HttpServer;
import dev.conduit.awx.simulator.internal.DemoSeed;
import dev.conduit.awx.simulator.internal.Dispatcher;
import dev.conduit.awx.simulator.internal.Fault;
import dev.conduit.awx.simulator.internal.JobRunner;
import dev.conduit.awx.simulator.internal.Json;
import dev.conduit.awx.simulator.internal.Router;
import dev.conduit.awx.simulator.internal.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stateful fake AWX / AAP controller on a loopback port, speaking the AWX REST API v2: start one per test with
 * {@link #builder()}, point the client under test at {@link #url()}, and close it afterwards.
 *
 * <pre>{@code
 * try (AwxSimulator awx = AwxSimulator.builder().seed(SeedData.demo()).jobTiming(JobTiming.fast()).start()) {
 *   URI api = awx.apiUrl();   // http://127.0.0.1:PORT/api/controller/v2/
 * }
 * }</pre>
 */
public final class AwxSimulator implements AutoCloseable {

  static {
    // The JDK HTTP server reads this once, when its configuration class loads. Without TCP_NODELAY a keep-alive
    // client that sends a request in two segments is answered only after the peer's delayed ACK, ~40 ms each time.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService http;
  private final ScheduledExecutorService jobs;
  private final Dispatcher dispatcher;
  private final Store store;
  private final ApiPrefix prefix;
  private final URI url;

  private AwxSimulator(Builder builder) {
    this.prefix = builder.prefix;
    this.store = new Store(prefix.path(), Clock.systemUTC());
    this.jobs = Executors.newSingleThreadScheduledExecutor(daemons("awx-simulator-jobs"));
    JobRunner runner = new JobRunner(store, jobs, builder.timing.step());
    Router router = new Router(store, runner, builder.stdoutMaxBytes, UUID.randomUUID().toString());
    Map<String, String> tokens = new LinkedHashMap<>(builder.tokens);
    synchronized (store) {
      DemoSeed.users(router.resources(), builder.users, builder.auditors);
      if (builder.seed.includesDemoEstate()) {
        DemoSeed.estate(router.resources(), runner);
      }
    }
    this.dispatcher = new Dispatcher(store, passwords(builder), tokens, prefix == ApiPrefix.CONTROLLER, router);
    this.http = Executors.newCachedThreadPool(daemons("awx-simulator-http"));
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 50);
    } catch (IOException e) {
      jobs.shutdownNow();
      http.shutdownNow();
      throw new UncheckedIOException("cannot listen on port " + builder.port, e);
    }
    server.setExecutor(http);
    server.createContext("/", dispatcher);
    // The JDK's dispatcher thread inherits daemon status from the thread that starts the server; starting it from a
    // daemon keeps a forgotten simulator from holding the JVM open.
    Thread starter = new Thread(server::start, "awx-simulator-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the AWX simulator", e);
    }
    this.url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static Map<String, String> passwords(Builder builder) {
    Map<String, String> passwords = new LinkedHashMap<>(builder.users);
    passwords.putAll(builder.auditors);
    return passwords;
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Starts configuring a simulator: port 0 (any free port), {@link ApiPrefix#CONTROLLER}, user admin/password. */
  public static Builder builder() {
    return new Builder();
  }

  /** The server's base URL, such as {@code http://127.0.0.1:40123/} (what a client calls the AWX host). */
  public URI url() {
    return url;
  }

  /** The API root on this server, such as {@code http://127.0.0.1:40123/api/controller/v2/}. */
  public URI apiUrl() {
    return url.resolve(prefix.path());
  }

  /** The prefix this simulator serves. */
  public ApiPrefix apiPrefix() {
    return prefix;
  }

  /** Read access to the requests received and the jobs held. */
  public SimulatorState state() {
    return new SimulatorState() {
      @Override
      public List<RecordedRequest> requests() {
        return dispatcher.recorded();
      }

      @Override
      public long requestCount(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return requests().stream()
            .filter(r -> r.method().equalsIgnoreCase(method) && pattern.matcher(r.path()).matches()).count();
      }

      @Override
      public int jobsLaunched() {
        synchronized (store) {
          return store.jobsLaunched();
        }
      }

      @Override
      public int unifiedJobCount() {
        synchronized (store) {
          return store.unifiedJobs().size();
        }
      }

      @Override
      public List<String> statusHistory(int id) {
        synchronized (store) {
          return store.unifiedJob(id) == null ? List.of() : List.copyOf(store.statusHistory(id));
        }
      }

      @Override
      public Optional<String> jobStatus(int id) {
        synchronized (store) {
          var job = store.unifiedJob(id);
          return job == null ? Optional.empty() : Optional.of(Json.str(job, "status"));
        }
      }
    };
  }

  /**
   * Answers the next request that matches {@code method} and {@code pathRegex} (the whole path) with {@code status}
   * and {@code body} instead of serving it; later requests are served as usual. Faults queue in the order given.
   */
  public void failNext(String method, String pathRegex, int status, String body) {
    dispatcher.inject(new Fault(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status,
        body));
  }

  /** Stops the server and the job scheduler. */
  @Override
  public void close() {
    server.stop(0);
    jobs.shutdownNow();
    http.shutdownNow();
  }

  /** Configures an {@link AwxSimulator}. */
  public static final class Builder {
    private int port;
    private ApiPrefix prefix = ApiPrefix.CONTROLLER;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> auditors = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private SeedData seed = SeedData.empty();
    private JobTiming timing = JobTiming.fast();
    private int stdoutMaxBytes = 1_048_576;

    private Builder() {}

    /** The port to listen on (loopback only); 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Where the API is mounted; {@link ApiPrefix#CONTROLLER} by default. */
    public Builder apiPrefix(ApiPrefix prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Adds a superuser that may log in with Basic auth. Without any, {@code admin}/{@code password} exists. */
    public Builder user(String username, String password) {
      users.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Adds a system auditor: it reads everything, and every write it tries answers 403. */
    public Builder auditor(String username, String password) {
      auditors.put(Objects.requireNonNull(username, "username"), Objects.requireNonNull(password, "password"));
      return this;
    }

    /** Adds a Bearer token for the first superuser. */
    public Builder token(String token) {
      return token(token, null);
    }

    /** Adds a Bearer token for a given user (a superuser or an auditor); null means the first superuser. */
    public Builder token(String token, @org.jspecify.annotations.Nullable String username) {
      tokens.put(Objects.requireNonNull(token, "token"), username == null ? "" : username);
      return this;
    }

    /** What the simulator holds at start; {@link SeedData#empty()} by default. */
    public Builder seed(SeedData seed) {
      this.seed = Objects.requireNonNull(seed, "seed");
      return this;
    }

    /** How fast jobs move; {@link JobTiming#fast()} by default. */
    public Builder jobTiming(JobTiming timing) {
      this.timing = Objects.requireNonNull(timing, "timing");
      return this;
    }

    /** AWX's {@code STDOUT_MAX_BYTES_DISPLAY} (1 MiB by default): larger output is download-only. */
    public Builder stdoutMaxBytesDisplay(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("bytes must be positive: " + bytes);
      }
      this.stdoutMaxBytes = bytes;
      return this;
    }

    /** Starts the simulator. */
    public AwxSimulator start() {
      if (users.isEmpty()) {
        users.put("admin", "password");
      }
      String first = users.keySet().iterator().next();
      tokens.replaceAll((token, user) -> user.isEmpty() ? first : user);
      return new AwxSimulator(this);
    }
  }
}
