package dev.conduit.protocol.client;

import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.CreateMessageResult;

/** Answers a server's request to sample the client's language model. May block. */
@FunctionalInterface
public interface SamplingHandler {

  /** Produces the model's message for {@code request}. */
  CreateMessageResult createMessage(CreateMessageRequestParams request) throws Exception;
}
