package dev.conduit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.interceptor.McpRequest;
import dev.conduit.protocol.interceptor.SessionInfo;
import dev.conduit.protocol.jsonrpc.RequestId;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.transport.TransportContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ready-made ways to tell callers apart read what the transport recorded about a request. */
class CallerIdentityTest {

  private static McpRequest arrivingWith(TransportContext context) {
    SessionInfo session = new SessionInfo(ProtocolVersion.latestLegacy(), null, ClientCapabilities.builder().build(),
        null, null, context);
    return McpRequest.incoming(RequestId.of(1), "tools/call", null, session);
  }

  @Test
  void theSessionIsTheTransportsSessionId() {
    assertEquals("s-1", CallerIdentity.session().of(arrivingWith(TransportContext.empty().withSessionId("s-1"))));
    assertNull(CallerIdentity.session().of(arrivingWith(TransportContext.empty())));
  }

  @Test
  void aHeaderIsReadWithoutRegardToCase() {
    TransportContext context = TransportContext.ofHeaders(Map.of("x-api-key", List.of("k-123")));
    assertEquals("k-123", CallerIdentity.header("X-Api-Key").of(arrivingWith(context)));
    assertNull(CallerIdentity.header("X-Tenant").of(arrivingWith(context)));
  }

  @Test
  void thePrincipalIsTheOneAFrontDoorRecorded() {
    TransportContext context = TransportContext.empty().withAttribute(TransportContext.PRINCIPAL, "alice");
    assertEquals("alice", CallerIdentity.principal().of(arrivingWith(context)));
    assertNull(CallerIdentity.principal().of(arrivingWith(TransportContext.empty())));
  }
}
