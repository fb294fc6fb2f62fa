package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.CompleteRequestParams;
import dev.conduit.protocol.schema.CompleteResult;

/**
 * Suggests values for a prompt argument or a URI template variable. May block. Return at most 100 values; the server
 * trims longer lists and sets {@code hasMore}.
 */
@FunctionalInterface
public interface CompletionHandler {

  /**
   * Completes the argument named in {@code request}.
   *
   * @param request what is being completed: the reference, the argument's name and partial value, and the values of
   *     other arguments already chosen
   * @param context the request's context
   */
  CompleteResult complete(CompleteRequestParams request, RequestContext context) throws Exception;
}
