package dev.conduit.transport.http.client.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Cache;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP machinery one transport owns: an {@link OkHttpClient} reused for every request, the daemon threads that
 * run calls and read streams (so that no caller ever waits on the network), and the calls in progress, which
 * {@link #shutdown()} cancels. A client the transport creates itself sets {@code TCP_NODELAY} on its sockets. A client
 * the user supplied is used as configured, never shut down.
 */
public final class HttpResources {

  private static final Logger log = LoggerFactory.getLogger(HttpResources.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final OkHttpClient client;
  private final boolean ownsClient;
  private final ExecutorService executor;
  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean shutDown;

  private HttpResources(OkHttpClient client, boolean ownsClient, ExecutorService executor) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.executor = executor;
  }

  /**
   * Creates the client (or adapts the user's) and the threads, named {@code conduit-<name>-N-M}. A client the
   * transport creates runs OkHttp's asynchronous calls (a WebSocket's handshake and reader loop) on those threads
   * too, rather than on OkHttp's own, which are not daemons.
   */
  public static HttpResources create(HttpSettings settings, String name) {
    OkHttpClient supplied = settings.client();
    OkHttpClient.Builder builder = supplied != null ? supplied.newBuilder() : new OkHttpClient.Builder();
    // Event streams stay quiet while the server works; only the caller's own timeouts may end them.
    builder.readTimeout(Duration.ZERO).callTimeout(Duration.ZERO);
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
            daemonThreads("conduit-" + name + "-" + INSTANCES.incrementAndGet()));
    if (supplied == null) {
      builder.dispatcher(new Dispatcher(executor));
      builder.connectTimeout(settings.connectTimeout());
      builder.socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()));
      if (settings.sslSocketFactory() != null && settings.trustManager() != null) {
        builder.sslSocketFactory(settings.sslSocketFactory(), settings.trustManager());
      }
      if (settings.hostnameVerifier() != null) {
        builder.hostnameVerifier(settings.hostnameVerifier());
      }
    }
    return new HttpResources(builder.build(), supplied == null, executor);
  }

  /** The client every request goes through. */
  public OkHttpClient client() {
    return client;
  }

  /** Whether {@link #shutdown()} was called. */
  public boolean isShutDown() {
    return shutDown;
  }

  /**
   * Runs {@code task} on one of the transport's threads.
   *
   * @return false if the transport is shut down and the task will not run
   */
  public boolean execute(Runnable task) {
    if (shutDown) {
      return false;
    }
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Starts a call, tracked so that {@link #shutdown()} can cancel it. The caller must {@link #release} it (in a
   * {@code finally}) once its response is read.
   */
  public Call newCall(Request request) {
    Call call = client.newCall(request);
    calls.add(call);
    if (shutDown) {
      call.cancel();
    }
    return call;
  }

  /** Forgets a call whose response has been read. */
  public void release(Call call) {
    calls.remove(call);
  }

  /** Runs a call outside the tracking, limited to {@code timeout}: for the best-effort DELETE on close. */
  public void executeBriefly(Request request, Duration timeout) throws IOException {
    Call call = client.newCall(request);
    call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    try (Response ignored = call.execute()) {
      // Only the status matters, and not even that: ending the session is best effort.
    }
  }

  /**
   * Waits {@code millis} before a reconnect, on a transport thread.
   *
   * @return false if the transport shut down meanwhile (or the thread was interrupted): give up
   */
  public boolean pause(long millis) {
    try {
      return !stopped.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Cancels every call in progress. */
  public void cancelAll() {
    for (Call call : List.copyOf(calls)) {
      call.cancel();
    }
  }

  /**
   * Cancels every call, wakes every pause, lets the threads end and, if the client is ours, shuts it down: its
   * dispatcher's executor stops and its pooled connections close. Idempotent. Never interrupts a thread, not even
   * the calling one, which may be a transport thread about to tell the listener.
   */
  public void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    stopped.countDown();
    cancelAll();
    executor.shutdown();
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      Cache cache = client.cache();
      if (cache != null) {
        try {
          cache.close();
        } catch (IOException e) {
          log.debug("Could not close the HTTP cache", e);
        }
      }
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
