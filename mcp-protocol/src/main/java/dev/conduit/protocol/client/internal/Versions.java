package dev.conduit.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** How a client picks another 2026-07-28-era version when a server refuses the one it asked for. */
final class Versions {

  private Versions() {}

  /**
   * The version to retry with after {@code failure}: if it is an {@code UnsupportedProtocolVersionError} whose
   * {@code data.supported} lists a 2026-07-28-era version this client speaks, the newest such; else null.
   */
  static @Nullable ProtocolVersion retryWith(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    if (!(cause instanceof McpException refused) || refused.code() != ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION) {
      return null;
    }
    JsonPayload data = refused.data();
    JsonNode supported = data == null ? null : data.tree().get("supported");
    if (supported == null || !supported.isArray()) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    supported.forEach(id -> ids.add(id.asText()));
    return newestModern(ids);
  }

  /** The newest 2026-07-28-era version among {@code ids} that this client speaks, or null. */
  static @Nullable ProtocolVersion newestModern(List<String> ids) {
    return ids.stream()
        .map(id -> ProtocolVersion.parse(id).orElse(null))
        .filter(version -> version != null && version.isModern())
        .max(Comparator.naturalOrder())
        .orElse(null);
  }
}
