package dev.conduit.awx.tools.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.conduit.awx.AwxException;
import dev.conduit.awx.AwxPage;
import dev.conduit.protocol.server.ToolException;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The tools every AWX collection has: list, get, delete, create. */
public final class Generic {

  private Generic() {}

  /** Lists {@code path} (a function of the call, for sub-lists) with paging, search, ordering and filters. */
  public static ToolSpec list(String toolset, String name, String noun, String description, Schema input,
      Function<Call, String> path) {
    return list(toolset, name, noun, description, input, path, (call, query) -> { });
  }

  /** Lists {@code path}, adding the tool's own arguments to the query with {@code extras}. */
  public static ToolSpec list(String toolset, String name, String noun, String description, Schema input,
      Function<Call, String> path, BiConsumer<Call, Map<String, String>> extras) {
    return ToolSpec.of(toolset, Kind.READ, name, "List " + noun, description, input.paging().build(),
        Schema.listOutput(), call -> {
          Map<String, String> query = call.listQuery();
          extras.accept(call, query);
          AwxPage page = call.client().page(path.apply(call), query);
          return Results.page(noun, page, call.page());
        });
  }

  /** Lists the top-level collection {@code collection}. */
  public static ToolSpec list(String toolset, String name, String noun, String collection, String description) {
    return list(toolset, name, noun, description, Schema.input(), call -> collection + "/");
  }

  /** Gets {@code collection/{id}/}. */
  public static ToolSpec get(String toolset, String name, String noun, String collection, String idArg) {
    return ToolSpec.of(toolset, Kind.READ, name, "Get " + noun,
        "Get one " + noun + " by id, with its fields, related links and summary fields (GET " + collection
            + "/{id}/).",
        Schema.input().id(idArg, "The " + noun + "'s id").build(), Schema.objectOutput("id"),
        call -> Results.object(noun, call.client().get(collection + "/" + call.id(idArg) + "/")));
  }

  /** Deletes {@code collection/{id}/}. */
  public static ToolSpec delete(String toolset, String name, String noun, String collection, String idArg) {
    return ToolSpec.of(toolset, Kind.DELETE, name, "Delete " + noun,
        "Delete one " + noun + " by id (DELETE " + collection + "/{id}/). Cannot be undone; AWX refuses (409) "
            + "while running jobs use it.",
        Schema.input().id(idArg, "The " + noun + "'s id").build(), null, call -> {
          long id = call.id(idArg);
          call.client().delete(collection + "/" + id + "/");
          return Results.done("Deleted " + noun + " #" + id, Map.of("deleted", true, "id", id));
        });
  }

  /**
   * Creates an object by POSTing the named arguments to {@code path}. JSON-object {@code variables} and {@code
   * extra_vars} are sent as the JSON strings AWX stores.
   */
  public static ToolSpec create(String toolset, String name, String noun, String description, Schema input,
      Function<Call, String> path, String... fields) {
    return create(toolset, name, noun, description, input, path, (call, body) -> { }, fields);
  }

  /** Creates an object, letting {@code complete} fill in the body (a default organization, say). */
  public static ToolSpec create(String toolset, String name, String noun, String description, Schema input,
      Function<Call, String> path, BiConsumer<Call, ObjectNode> complete, String... fields) {
    return ToolSpec.of(toolset, Kind.CREATE, name, "Create " + noun, description, input.build(),
        Schema.objectOutput("id"), call -> {
          ObjectNode body = call.body(fields);
          complete.accept(call, body);
          stringify(body, "variables");
          stringify(body, "extra_vars");
          JsonNode created = call.client().post(path.apply(call), body);
          return Results.done("Created " + noun + " " + Results.label(created), created);
        });
  }

  /** Cancels {@code collection/{id}/} (AWX answers 202 with no body; 405 once it has finished). */
  public static ToolSpec cancel(String toolset, String name, String noun, String collection, String idArg) {
    return ToolSpec.of(toolset, Kind.STOP, name, "Cancel " + noun,
        "Cancel a pending or running " + noun + " (POST " + collection + "/{id}/cancel/). AWX stops it "
            + "asynchronously; the status becomes 'canceled'.",
        Schema.input().id(idArg, "The " + noun + "'s id").build(), null, call -> {
          long id = call.id(idArg);
          try {
            call.client().cancel(collection + "/" + id + "/cancel/");
          } catch (AwxException e) {
            if (e.status() == 405) {
              throw new ToolException(capital(noun) + " #" + id + " cannot be cancelled: it is not pending or "
                  + "running any more");
            }
            throw e;
          }
          return Results.done("Cancel requested for " + noun + " #" + id, Map.of("id", id, "cancel_requested", true));
        });
  }

  /** Waits for {@code collection/{id}/} to finish. */
  public static ToolSpec await(String toolset, String name, String noun, String collection, String idArg) {
    return ToolSpec.of(toolset, Kind.READ, name, "Wait for " + noun,
        "Wait until a " + noun + " finishes (successful, failed, error or canceled), polling with backoff and "
            + "sending MCP progress notifications. Cancelling this request stops the wait at once; the " + noun
            + " is cancelled too only with cancel_on_abort.",
        Launches.waitSchema(idArg, noun).build(), Schema.objectOutput("id", "status", "finished"),
        call -> Launches.waited(call, noun + " #" + call.id(idArg), collection + "/" + call.id(idArg) + "/"));
  }

  /**
   * Starts an update (a project or inventory source sync: POST {@code collection/{id}/update/}, answered 202 with
   * the update's id) and optionally waits for it in {@code updates}.
   */
  public static ToolSpec sync(String toolset, String name, String noun, String collection, String idArg,
      String updates, java.util.function.Consumer<Call> guard) {
    return ToolSpec.of(toolset, Kind.START, name, "Sync " + noun,
        "Start a sync of a " + noun + " (POST " + collection + "/{id}/update/); with wait=true, wait for it to "
            + "finish with progress notifications. Never retried.",
        Launches.waiting(Schema.input().id(idArg, "The " + noun + "'s id")).build(),
        Schema.objectOutput("id", "status"), call -> {
          guard.accept(call);
          long id = call.id(idArg);
          dev.conduit.awx.LaunchResult update;
          try {
            update = call.client().launch(collection + "/" + id + "/update/", null);
          } catch (AwxException e) {
            if (e.status() == 405) {
              throw new ToolException(capital(noun) + " #" + id + " cannot be synced now (AWX said: "
                  + e.awxMessage() + ")");
            }
            throw e;
          }
          return Launches.result(call, "update", updates, noun + " #" + id, update);
        });
  }

  /** Gets {@code collection/{id}/} after {@code guard} allowed it. */
  public static ToolSpec get(String toolset, String name, String noun, String collection, String idArg,
      java.util.function.Consumer<Call> guard) {
    ToolSpec plain = get(toolset, name, noun, collection, idArg);
    return new ToolSpec(toolset, plain.kind(), plain.tool(), call -> {
      guard.accept(call);
      return plain.handler().handle(call);
    });
  }

  /** Deletes {@code collection/{id}/} after {@code guard} allowed it. */
  public static ToolSpec delete(String toolset, String name, String noun, String collection, String idArg,
      java.util.function.Consumer<Call> guard) {
    ToolSpec plain = delete(toolset, name, noun, collection, idArg);
    return new ToolSpec(toolset, plain.kind(), plain.tool(), call -> {
      guard.accept(call);
      return plain.handler().handle(call);
    });
  }

  /** The id of the organization the caller named, else of the environment's default organization. */
  public static void organization(Call call, ObjectNode body) {
    if (body.has("organization")) {
      return;
    }
    String name = call.environment().defaultOrganization();
    if (name == null) {
      throw new ToolException("Name an organization id: environment " + call.environment().name()
          + " has no default organization");
    }
    AwxPage found = call.client().page("organizations/", Map.of("name", name));
    if (found.results().isEmpty()) {
      throw new ToolException("The default organization '" + name + "' does not exist on AWX");
    }
    body.put("organization", found.results().get(0).path("id").asLong());
  }

  static String capital(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Replaces a JSON object field by its JSON text. */
  public static void stringify(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && value.isContainerNode()) {
      body.put(field, value.toString());
    }
  }
}
