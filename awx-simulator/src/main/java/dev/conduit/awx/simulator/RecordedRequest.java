package dev.conduit.awx.simulator;

/**
 * A request the simulator received, as a test sees it.
 *
 * @param method the HTTP method, upper case
 * @param path the path, without the query
 * @param query the raw query string, empty when there is none
 * @param body the request body as text, empty when there is none
 * @param status the status the simulator answered with
 */
public record RecordedRequest(String method, String path, String query, String body, int status) {}
