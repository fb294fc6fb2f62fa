package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.McpException;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.transport.CallerThread;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Blocking waits for the blocking client. */
public final class Futures {

  private Futures() {}

  /**
   * Starts a call on this thread, marked as one that waits for its answer (see {@link CallerThread}), and waits for it.
   *
   * @throws McpException for an error response, a timeout or a closed connection
   */
  public static <T> T call(Supplier<CompletableFuture<T>> call) {
    return await(CallerThread.waitingForAnswer(call));
  }

  /**
   * Waits for a call; an interrupt cancels it.
   *
   * @throws McpException for an error response, a timeout or a closed connection
   */
  public static <T> T await(CompletableFuture<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "Interrupted while waiting for the server", null, e);
    } catch (CancellationException e) {
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "The call was cancelled", null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof McpException mcp) {
        throw mcp;
      }
      throw new McpException(ErrorCodes.INTERNAL_ERROR, "The call failed", null, cause);
    }
  }
}
