package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.ReadResourceResult;
import java.util.Map;

/** Reads the resources a URI template describes. May block. */
@FunctionalInterface
public interface ResourceTemplateHandler {

  /**
   * Reads the resource at {@code uri}.
   *
   * @param uri the URI the client asked for
   * @param variables the template's variables, extracted from {@code uri} and percent-decoded
   * @param context the request's context
   */
  ReadResourceResult read(String uri, Map<String, String> variables, RequestContext context) throws Exception;
}
