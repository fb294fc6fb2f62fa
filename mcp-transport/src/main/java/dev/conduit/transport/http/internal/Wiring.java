package dev.conduit.transport.http.internal;

import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.server.McpServer;
import dev.conduit.transport.http.EventStore;
import dev.conduit.transport.http.StreamableHttpOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * What the parts of one endpoint share: the MCP server, the options, the event store, the I/O executor that writes
 * SSE streams, the timer of keep-alives and expiry, and whether a request's handler may run on the thread serving its
 * exchange.
 */
record Wiring(
    McpServer server,
    StreamableHttpOptions options,
    EventStore store,
    Executor io,
    ScheduledExecutorService timer,
    boolean handlersOnExchangeThreads) {

  JsonRpcCodec codec() {
    return options.codec();
  }

  /** Opens an SSE response on {@code exchange} with the standard headers plus {@code extra}. */
  SseChannel openSse(Exchange exchange, Map<String, String> extra, Consumer<SseChannel> onGone) throws IOException {
    Map<String, String> headers = Http.sseHeaders();
    headers.putAll(extra);
    return SseChannel.open(exchange, headers, io, timer, options.keepAliveInterval(), onGone);
  }
}
