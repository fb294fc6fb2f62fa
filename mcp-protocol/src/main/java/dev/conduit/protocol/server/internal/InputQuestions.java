package dev.conduit.protocol.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.protocol.McpException;
import dev.conduit.protocol.ProtocolVersion;
import dev.conduit.protocol.jsonrpc.ErrorCodes;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.schema.ClientCapabilities;
import dev.conduit.protocol.schema.CreateMessageRequestParams;
import dev.conduit.protocol.schema.ElicitRequestParams;
import dev.conduit.protocol.schema.ElicitRequestURLParams;
import dev.conduit.protocol.schema.InputRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The questions a handler may put to the client of one request: each is checked against what the client declared
 * and what the request's revision has, and refused with {@code -32021} (naming the capability) if it may not.
 */
final class InputQuestions {

  private final ClientCapabilities capabilities;
  private final ProtocolVersion version;

  InputQuestions(RequestScope scope) {
    this.capabilities = scope.clientCapabilities();
    this.version = scope.version();
  }

  InputRequest elicitation(ElicitRequestParams params) {
    if (params instanceof ElicitRequestURLParams url) {
      checkUrlElicitation();
      return InputRequest.elicitation(withElicitationId(url));
    }
    checkFormElicitation();
    return InputRequest.elicitation(params);
  }

  InputRequest sampling(CreateMessageRequestParams params) {
    checkSampling(params.tools() != null);
    return InputRequest.sampling(params);
  }

  InputRequest roots() {
    checkRoots();
    return InputRequest.listRoots();
  }

  /**
   * Checks a question given as JSON (as a bridge passes one on), without binding more of it than the check reads.
   * Methods this library does not know go to the client unchecked.
   */
  InputRequest check(InputRequest question) {
    JsonNode params = question.params();
    switch (question.method()) {
      case InputRequest.ELICITATION -> {
        if (params != null && "url".equals(params.path("mode").asText())) {
          checkUrlElicitation();
          if (version.supports(ProtocolVersion.Feature.ELICITATION_COMPLETE_NOTIFICATION)
              && !params.hasNonNull("elicitationId") && params instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy().put("elicitationId", UUID.randomUUID().toString());
            return new InputRequest(question.method(), copy, question.additionalFields());
          }
        } else {
          checkFormElicitation();
        }
      }
      case InputRequest.SAMPLING -> checkSampling(params != null && params.hasNonNull("tools"));
      case InputRequest.LIST_ROOTS -> checkRoots();
      default -> { }
    }
    return question;
  }

  private void checkUrlElicitation() {
    if (!capabilities.supportsUrlElicitation() || !version.supports(ProtocolVersion.Feature.URL_ELICITATION)) {
      throw missingCapability("URL elicitation", "elicitation", "url");
    }
  }

  private void checkFormElicitation() {
    if (!capabilities.supportsFormElicitation() || !version.supports(ProtocolVersion.Feature.ELICITATION)) {
      throw missingCapability("elicitation", "elicitation", "form");
    }
  }

  private void checkSampling(boolean tools) {
    if (!capabilities.hasSampling()
        || tools && (!capabilities.supportsSamplingTools() || !version.supports(ProtocolVersion.Feature.SAMPLING_TOOLS))) {
      throw missingCapability(tools ? "sampling with tools" : "sampling", "sampling", tools ? "tools" : null);
    }
  }

  private void checkRoots() {
    if (!capabilities.hasRoots()) {
      throw missingCapability("roots", "roots", null);
    }
  }

  // 2025-11-25 requires an id on URL elicitations (the client reports completion by it); 2026-07-28 dropped it.
  private ElicitRequestParams withElicitationId(ElicitRequestURLParams url) {
    boolean needsId = version.supports(ProtocolVersion.Feature.ELICITATION_COMPLETE_NOTIFICATION);
    if (!needsId || url.elicitationId() != null) {
      return url;
    }
    return new ElicitRequestURLParams(url.mode(), url.message(), UUID.randomUUID().toString(), url.url(), url.task(),
        url.meta(), url.additionalFields());
  }

  private static McpException missingCapability(String what, String capability, @Nullable String mode) {
    ObjectNode required = Json.MAPPER.createObjectNode();
    ObjectNode detail = required.putObject(capability);
    if (mode != null) {
      detail.putObject(mode);
    }
    ObjectNode data = Json.MAPPER.createObjectNode();
    data.set("requiredCapabilities", required);
    return new McpException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
        "The client does not support " + what, data);
  }
}
