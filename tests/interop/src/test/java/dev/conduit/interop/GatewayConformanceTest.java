package dev.conduit.interop;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;

/**
 * Specifies that the conformance server passes the official conformance suite through {@code conduit-gateway} just
 * as it does directly (see {@link ServerSuite}: both requirement sets from the gateway's one {@code /mcp} endpoint,
 * their unscored scenarios included, no baseline): the gateway in front of it over Streamable HTTP, and the gateway
 * with it as a supervised stdio child ({@code --upstream-stdio -- java -jar conduit-conformance.jar --stdio}). What
 * the gateway checks itself, it learns from what it relays: the {@code x-mcp-header} parameters whose {@code
 * Mcp-Param-*} headers it must check (SEP-2243) are those of the tool listings that passed through it.
 *
 * <p>One scenario has nothing to check through the gateway: in {@code server-sse-polling} (2025-11-25, pending) the
 * upstream ends its response stream early (SEP-1699) and the gateway's client resumes it, as a client should, so the
 * stream the suite reads from the gateway never ends early. The suite reports it with INFO checks only, no failure.
 */
class GatewayConformanceTest {

  private static final Set<String> RESUMED_BY_THE_GATEWAY = Set.of("server-sse-polling");

  @Nested
  class InFrontOfAnHttpServer extends ServerSuite {
    private @Nullable EverythingHttp server;
    private @Nullable Gateway gateway;

    @Override
    String start() {
      server = EverythingHttp.start();
      gateway = Gateway.start("conformance-http", Gateway.url(server.url()));
      return gateway.mcpUrl();
    }

    @Override
    void stop() {
      if (gateway != null) {
        gateway.close();
      }
      if (server != null) {
        server.close();
      }
    }

    @Override
    String name() {
      return "conformance-gateway-http";
    }

    @Override
    Set<String> informationalOnly() {
      return RESUMED_BY_THE_GATEWAY;
    }
  }

  @Nested
  class InFrontOfAStdioServer extends ServerSuite {
    private @Nullable Gateway gateway;

    @Override
    String start() {
      gateway = Gateway.start("conformance-stdio", Gateway.stdio(Jars.java(Jars.conformance(), "--stdio")));
      return gateway.mcpUrl();
    }

    @Override
    void stop() {
      if (gateway != null) {
        gateway.close();
      }
    }

    @Override
    String name() {
      return "conformance-gateway-stdio";
    }

    @Override
    Set<String> informationalOnly() {
      return RESUMED_BY_THE_GATEWAY;
    }
  }
}
