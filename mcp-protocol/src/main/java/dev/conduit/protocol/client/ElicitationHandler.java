package dev.conduit.protocol.client;

import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitResult;

/**
 * Asks the user for what a server requests. May block (a person is answering). For a form, fields the user left out
 * are filled from the schema's defaults before the answer goes back.
 */
@FunctionalInterface
public interface ElicitationHandler {

  /** The user's answer to {@code request}. */
  ElicitResult elicit(ElicitRequestParams request) throws Exception;
}
