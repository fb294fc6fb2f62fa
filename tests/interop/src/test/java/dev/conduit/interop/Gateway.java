package dev.conduit.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code conduit-gateway} (the sample's jar) run as a child process with its HTTP front door on a free port. */
final class Gateway implements AutoCloseable {

  private final Processes.Child child;
  private final int port;

  private Gateway(Processes.Child child, int port) {
    this.child = child;
    this.port = port;
  }

  /** Starts the gateway with {@code upstream} (its upstream options) and waits until it serves. */
  static Gateway start(String name, List<String> upstream) {
    return start(name, upstream, Map.of());
  }

  /** Starts the gateway in the environment {@code env} (its upstream's too) and waits until it serves. */
  static Gateway start(String name, List<String> upstream, Map<String, String> env) {
    int port = Processes.freePort();
    List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port)));
    args.addAll(upstream);
    Path folder = Processes.folder("gateway/" + name);
    Processes.Child child = Processes.start(Jars.java(Jars.gateway(), args.toArray(String[]::new)), folder, env,
        folder);
    Processes.awaitPort(child, port);
    return new Gateway(child, port);
  }

  /** An upstream of the gateway given as a URL. */
  static List<String> url(String url) {
    return List.of("--upstream", url);
  }

  /** An upstream of the gateway started as a child on stdio. */
  static List<String> stdio(List<String> command) {
    List<String> args = new ArrayList<>(List.of("--upstream-stdio", "--"));
    args.addAll(command);
    return args;
  }

  /** The Streamable HTTP endpoint, {@code http://localhost:PORT/mcp}. */
  String mcpUrl() {
    return "http://localhost:" + port + "/mcp";
  }

  /** The legacy HTTP+SSE endpoint. */
  String sseUrl() {
    return "http://localhost:" + port + "/sse";
  }

  /** What the gateway printed, for a failure message. */
  String describe() {
    return child.describe();
  }

  @Override
  public void close() {
    child.close();
  }
}
