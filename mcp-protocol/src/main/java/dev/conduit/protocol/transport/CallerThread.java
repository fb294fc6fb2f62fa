package dev.conduit.protocol.transport;

import java.util.function.Supplier;

/**
 * Marks the thread of a caller that blocks until its request is answered, such as a call on the blocking {@code
 * McpClient}. A transport that sees the mark may do the request's whole exchange on that thread (post it, read the
 * answer, deliver it) instead of handing it to a thread of its own and waking the caller once the answer is in: one
 * thread hand-off less each way.
 *
 * <p>The mark holds only while {@link #waitingForAnswer} runs; a transport must not rely on it for messages it sends
 * later from other threads.
 */
public final class CallerThread {

  private static final ThreadLocal<Boolean> WAITING = new ThreadLocal<>();

  private CallerThread() {}

  /** Whether the current thread sends a request and then does nothing but wait for its answer. */
  public static boolean waitsForAnswer() {
    return WAITING.get() != null;
  }

  /** Starts a call with the current thread marked as waiting for its answer, and returns what it returns. */
  public static <T> T waitingForAnswer(Supplier<T> call) {
    if (WAITING.get() != null) {
      return call.get();
    }
    WAITING.set(Boolean.TRUE);
    try {
      return call.get();
    } finally {
      WAITING.remove();
    }
  }
}
