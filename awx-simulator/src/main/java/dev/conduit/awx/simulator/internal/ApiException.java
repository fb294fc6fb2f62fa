package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An AWX error answer: the status and the exact body AWX sends for it. */
public final class ApiException extends Exception {

  private final int status;
  private final ObjectNode body;

  /** An error with this status and body. */
  public ApiException(int status, ObjectNode body) {
    super(status + " " + Json.text(body), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The JSON body. */
  public ObjectNode body() {
    return body;
  }

  /** 404 {@code {"detail":"Not found."}}. */
  public static ApiException notFound() {
    return detail(404, "Not found.");
  }

  /** 403 for a user whose role does not allow the action. */
  public static ApiException forbidden() {
    return detail(403, "You do not have permission to perform this action.");
  }

  /** 405 as Django REST framework words it. */
  public static ApiException methodNotAllowed(String method) {
    return detail(405, "Method \"" + method + "\" not allowed.");
  }

  /** An error whose body is {@code {"detail": message}}. */
  public static ApiException detail(int status, String message) {
    return new ApiException(status, Json.of("detail", message));
  }

  /** 400 with one message for one field: {@code {"field": ["message"]}}. */
  public static ApiException field(String field, String message) {
    return fields(Json.object(), field, message);
  }

  /** Adds a field message to an error body being built, and returns a 400 carrying it. */
  public static ApiException fields(ObjectNode errors, String field, String message) {
    ArrayNode list = errors.has(field) ? (ArrayNode) errors.get(field) : errors.putArray(field);
    list.add(message);
    return new ApiException(400, errors);
  }

  /** 409 ActiveJobConflict: the resource is used by these running unified jobs. */
  public static ApiException activeJobConflict(List<ObjectNode> activeJobs) {
    ObjectNode body = Json.of("error", "Resource is being used by running jobs.");
    ArrayNode jobs = body.putArray("active_jobs");
    for (ObjectNode job : activeJobs) {
      jobs.add(Json.of("type", job.get("type").asText(), "id", job.get("id").asInt()));
    }
    return new ApiException(409, body);
  }
}
