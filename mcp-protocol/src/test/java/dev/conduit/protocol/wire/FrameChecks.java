package dev.conduit.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import dev.conduit.protocol.schema.SchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one frame against its revision's schema, and lists every problem found:
 *
 * <ol>
 *   <li>the whole frame against the revision's envelope ({@code JSONRPCRequest}, {@code JSONRPCNotification},
 *       {@code JSONRPCResponse}/{@code JSONRPCResultResponse}, {@code JSONRPCError}/{@code JSONRPCErrorResponse}),
 *       and in 2026-07-28 also against the response definition of the method it answers;
 *   <li>a request or notification against the union of what its sender may send in the revision ({@code
 *       ClientRequest}, {@code ServerNotification}...; a 2026-07-28 server may send no request at all), and against
 *       its method's own definition; a method the table does not map fails;
 *   <li>a result against the result definition of the method it answers ({@code InputRequiredResult} for a
 *       2026-07-28 {@code input_required} result), an error against the revision's definition of its code, if any.
 * </ol>
 */
final class FrameChecks {

  private final Frame frame;
  private final MethodTable table;
  private final List<String> problems = new ArrayList<>();

  private FrameChecks(Frame frame, MethodTable table) {
    this.frame = frame;
    this.table = table;
  }

  /** Every problem with {@code frame}; empty if it fits its revision's schema. */
  static List<String> problems(Frame frame, MethodTable table) {
    FrameChecks checks = new FrameChecks(frame, table);
    checks.check();
    return checks.problems;
  }

  private void check() {
    JsonNode json = frame.json();
    switch (frame.kind()) {
      case REQUEST -> {
        validate(table.requestEnvelope(), json);
        message(false);
      }
      case NOTIFICATION -> {
        validate(table.notificationEnvelope(), json);
        message(true);
      }
      case RESULT -> {
        validate(table.resultEnvelope(), json);
        result(json);
      }
      case ERROR -> {
        validate(table.errorEnvelope(), json);
        error(json);
      }
      case UNKNOWN -> problems.add("not a JSON-RPC request, notification or response");
    }
  }

  private void message(boolean notification) {
    JsonNode json = frame.json();
    String method = frame.method();
    String union = table.union(frame.fromClient(), notification);
    if (union == null) {
      problems.add(table.revision() + " lets no " + (frame.fromClient() ? "client" : "server") + " send any "
          + (notification ? "notification" : "request") + " (its schema has no definition of them)");
    } else if (MethodTable.UNKNOWN_METHOD.equals(method)) {
      if (errors(union, json).isEmpty()) {
        problems.add(union + " accepts " + method + ", which the scenario uses as a method no revision has");
      }
    } else {
      validate(union, json);
    }
    if (MethodTable.UNKNOWN_METHOD.equals(method)) {
      if (notification) {
        problems.add("the unknown method is meant to go out as a request");
      }
      return;
    }
    String definition =
        notification ? table.notification(method) : table.request(method) == null ? null : table.request(method)
            .request();
    if (definition == null) {
      problems.add("unmapped method '" + method + "': " + table.revision() + " has no " + (notification
          ? "notification" : "request") + " definition for it in MethodTable (does the revision have the method?)");
    } else {
      validate(definition, json);
    }
  }

  private void result(JsonNode json) {
    String method = frame.method();
    if (method == null) {
      problems.add("answers no request seen on the wire (id " + json.get("id") + ")");
      return;
    }
    if (MethodTable.UNKNOWN_METHOD.equals(method)) {
      problems.add("a result for " + method + ", which should have been answered with -32601");
      return;
    }
    MethodTable.Request entry = table.request(method);
    if (entry == null) {
      problems.add("unmapped method '" + method + "': no result definition for it in " + table.revision());
      return;
    }
    if (entry.response() != null) {
      validate(entry.response(), json);
    }
    boolean inputRequired = table.modern() && "input_required".equals(frame.resultType());
    validate(inputRequired ? "InputRequiredResult" : entry.result(), json.get("result"));
  }

  private void error(JsonNode json) {
    int code = json.path("error").path("code").asInt();
    MethodTable.ErrorDefinition definition = table.error(code);
    if (definition != null) {
      validate(definition.name(), definition.wholeResponse() ? json : json.get("error"));
    }
    if (json.hasNonNull("id") && frame.method() == null) {
      problems.add("answers no request seen on the wire (id " + json.get("id") + ")");
    }
    if (MethodTable.UNKNOWN_METHOD.equals(frame.method()) && code != -32601) {
      problems.add("an unknown method must be answered with -32601 (method not found), not " + code);
    }
  }

  private void validate(String definition, JsonNode json) {
    List<Error> errors = errors(definition, json);
    if (!errors.isEmpty()) {
      problems.add(definition + " rejects it: "
          + errors.stream().map(FrameChecks::describe).collect(Collectors.joining("; ")));
    }
  }

  private List<Error> errors(String definition, JsonNode json) {
    return SchemaValidator.errors(table.revision(), definition, json);
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + ": " + error.getMessage();
  }
}
