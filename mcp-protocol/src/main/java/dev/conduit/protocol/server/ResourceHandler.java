package dev.conduit.protocol.server;

import dev.conduit.protocol.schema.ReadResourceResult;

/** Reads one resource. May block. */
@FunctionalInterface
public interface ResourceHandler {

  /**
   * Reads the resource.
   *
   * @param uri the URI the client asked for
   * @param context the request's context
   */
  ReadResourceResult read(String uri, RequestContext context) throws Exception;
}
