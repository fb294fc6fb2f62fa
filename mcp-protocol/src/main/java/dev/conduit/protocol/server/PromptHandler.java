package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.GetPromptResult;
import java.util.Map;

/** Renders a prompt. May block. */
@FunctionalInterface
public interface PromptHandler {

  /**
   * Renders the prompt.
   *
   * @param arguments the arguments; every argument the prompt declares as required is present
   * @param context the request's context
   */
  GetPromptResult get(Map<String, String> arguments, RequestContext context) throws Exception;
}
