package dev.conduit.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The official SDK's side, from {@code official-sdk.jar} beside the benchmarks jar (see that module's pom for why it
 * is a jar of its own), loaded in a class loader that sees only the JDK. Objects cross over as JDK types.
 */
final class OfficialSdkJar {

  /** The system property that names the jar, when it is not beside the benchmarks jar. */
  static final String JAR_PROPERTY = "conduit.bench.sdkJar";

  private static final String FACADE = "dev.conduit.benchmarks.sdk.OfficialSdk";
  private static final String STDIO_MAIN = "dev.conduit.benchmarks.sdk.SdkStdioServer";

  private static volatile @org.jspecify.annotations.Nullable ClassLoader loader;

  private OfficialSdkJar() {}

  /** Where the jar is. */
  static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path own = Path.of(OfficialSdkJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path beside = (Files.isDirectory(own) ? own.getParent() : own.resolveSibling("")).resolve("official-sdk.jar");
      if (!Files.isRegularFile(beside)) {
        throw new IllegalStateException("No " + beside + ": build with ./mvnw -pl benchmarks -am package, or set -D"
            + JAR_PROPERTY);
      }
      return beside;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The SDK's Streamable HTTP server on Tomcat: a URL supplier that closes. */
  @SuppressWarnings("unchecked")
  static <T extends Supplier<String> & AutoCloseable> T httpServer(boolean immediate) throws Exception {
    return (T) call("httpServer", new Class<?>[] {boolean.class}, immediate);
  }

  /** The SDK's client over Streamable HTTP to {@code url}. */
  static EchoTarget httpClient(String url, AutoCloseable server) throws Exception {
    try {
      return client(call("httpClient", new Class<?>[] {String.class}, url), server);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  /**
   * The SDK's client over stdio to a child launched with {@code command}. Its callers take turns: called from four
   * threads at once, the SDK 2.1.0 stdio client lost requests (a call hung until its 60 s timeout, every run), so
   * the four-thread cells measure what a user gets by serializing the calls.
   */
  static EchoTarget stdioClient(List<String> command) throws Exception {
    EchoTarget concurrent = client(call("stdioClient", new Class<?>[] {List.class}, command), () -> { });
    ReentrantLock turns = new ReentrantLock();
    return new EchoTarget() {
      @Override
      public String echo(String text) throws Exception {
        turns.lock();
        try {
          return concurrent.echo(text);
        } finally {
          turns.unlock();
        }
      }

      @Override
      public void close() throws Exception {
        concurrent.close();
      }
    };
  }

  /** The command line of a child JVM serving the SDK's echo server on stdio. */
  static List<String> stdioServerCommand(boolean immediate) {
    return immediate
        ? Children.javaCommand(jar().toString(), STDIO_MAIN, "--immediate")
        : Children.javaCommand(jar().toString(), STDIO_MAIN);
  }

  @SuppressWarnings("unchecked")
  private static EchoTarget client(Object sdkClient, AutoCloseable server) {
    UnaryOperator<String> echo = (UnaryOperator<String>) sdkClient;
    AutoCloseable closer = (AutoCloseable) sdkClient;
    return new EchoTarget() {
      @Override
      public String echo(String text) {
        return echo.apply(text);
      }

      @Override
      public void close() throws Exception {
        try {
          inLoader(() -> {
            closer.close();
            return null;
          });
        } finally {
          server.close();
        }
      }
    };
  }

  private static Object call(String method, Class<?>[] types, Object... args) throws Exception {
    Method m = Class.forName(FACADE, true, loader()).getMethod(method, types);
    return inLoader(() -> {
      try {
        return m.invoke(null, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof Exception ex ? ex : new IllegalStateException(cause);
      }
    });
  }

  // The SDK and Tomcat find some services through the context class loader while they set up.
  private static <T> T inLoader(Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader());
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static ClassLoader loader() throws Exception {
    ClassLoader current = loader;
    if (current == null) {
      synchronized (OfficialSdkJar.class) {
        current = loader;
        if (current == null) {
          URL url = jar().toUri().toURL();
          current = new URLClassLoader("official-sdk", new URL[] {url}, ClassLoader.getPlatformClassLoader());
          loader = current;
        }
      }
    }
    return current;
  }
}
