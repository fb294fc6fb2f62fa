package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.client.RequestOptions;
import dev.conduit.protocol.jsonrpc.RequestId;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The client's calls on the wire, by request id, so that what a server sends while serving one (a request for
 * input, a log message) can be given to that call: by the id the transport says the message belongs to, or, for a
 * request when the transport cannot say (stdio), to the one call in flight if there is exactly one.
 */
final class OutboundCalls {

  /** What the client knows about one call: its options. */
  record Call(RequestOptions options) {}

  private final Map<RequestId, Call> byId = new ConcurrentHashMap<>();

  void put(RequestId id, Call call) {
    byId.put(id, call);
  }

  void remove(@Nullable RequestId id, Call call) {
    if (id != null) {
      byId.remove(id, call);
    }
  }

  /** The call a notification belongs to: only the one the transport names. */
  @Nullable Call find(@Nullable RequestId related) {
    return related == null ? null : byId.get(related);
  }

  /** The call a server's request belongs to: the one the transport names, else the only call in flight. */
  @Nullable Call attribute(@Nullable RequestId related) {
    if (related != null) {
      return byId.get(related);
    }
    Iterator<Call> calls = byId.values().iterator();
    if (!calls.hasNext()) {
      return null;
    }
    Call only = calls.next();
    while (calls.hasNext()) {
      if (calls.next() != only) {
        return null;
      }
    }
    return only;
  }
}
