package dev.conduit.observability.health;

import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.schema.Implementation;
import dev.conduit.protocol.server.ServerSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The health of one connection a server serves: up while it is open, with its protocol version and client. */
public final class SessionHealth implements HealthIndicator {

  private final ServerSession session;

  /** The health of {@code session}. */
  public SessionHealth(ServerSession session) {
    this.session = Objects.requireNonNull(session, "session");
  }

  @Override
  public Health check() {
    Map<String, Object> details = new LinkedHashMap<>();
    ProtocolVersion version = session.protocolVersion();
    if (version != null) {
      details.put("protocolVersion", version.id());
    }
    Implementation client = session.clientInfo();
    if (client != null) {
      details.put("client", client.name());
    }
    if (session.isClosed()) {
      details.put("reason", "closed");
      return Health.down(details);
    }
    return Health.up(details);
  }
}
