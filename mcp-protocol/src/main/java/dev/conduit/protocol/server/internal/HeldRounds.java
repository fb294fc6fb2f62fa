package dev.conduit.protocol.server.internal;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import dev.conduit.protocol.internal.Threads;
import org.jspecify.annotations.Nullable;

/**
 * The 2026-07-28 calls a server holds open across input rounds ({@link HeldCall}), by the id their {@code
 * requestState} carries. The state is {@code h1.<server>.<call>.<round>}: the call id is 128 random bits, so the
 * state is a capability nobody can guess, and everything it stands for stays here; the server part tells this
 * server's states from those of a server behind it whose results a bridge passes on.
 */
final class HeldRounds {

  private static final String PREFIX = "h1.";
  private static final int MAX_HELD = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final String server = token(8);
  private final Map<String, HeldCall> calls = new ConcurrentHashMap<>();
  private final Duration patience;
  private final Executor executor;

  /**
   * @param patience how long a call waits for the client to retry with its answers
   * @param executor where an expired call is cancelled (its cancellation runs users' callbacks)
   */
  HeldRounds(Duration patience, Executor executor) {
    this.patience = patience;
    this.executor = executor;
  }

  /** A call's id and the round a state was issued for. */
  record Ticket(String call, int round) {}

  /** The ticket in {@code state}, or {@code null} if the state is not one this server issued. */
  @Nullable Ticket read(String state) {
    String prefix = PREFIX + server + ".";
    if (!state.startsWith(prefix)) {
      return null;
    }
    String rest = state.substring(prefix.length());
    int dot = rest.lastIndexOf('.');
    try {
      return dot <= 0 ? null : new Ticket(rest.substring(0, dot), Integer.parseInt(rest.substring(dot + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The call a ticket names. */
  HeldCall find(Ticket ticket) {
    HeldCall call = calls.get(ticket.call());
    if (call == null) {
      throw McpException.invalidParams("Invalid requestState: the input round is unknown or has expired");
    }
    return call;
  }

  /** The state a client sends back to answer round {@code round} of call {@code id}. */
  String state(String id, int round) {
    return PREFIX + server + "." + id + "." + round;
  }

  /** Starts holding a call; returns its id. */
  String hold(HeldCall call) {
    if (calls.size() >= MAX_HELD) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR,
          "Too many requests are waiting for their clients' input; try again later");
    }
    String id = token(16);
    calls.put(id, call);
    return id;
  }

  void release(String id) {
    calls.remove(id);
  }

  /** Cancels {@code call} unless the client comes back within the server's patience. */
  ScheduledFuture<?> expireLater(HeldCall call) {
    return Threads.scheduler().schedule(() -> executor.execute(call::expire), patience.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static String token(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return ENCODER.encodeToString(random);
  }
}
