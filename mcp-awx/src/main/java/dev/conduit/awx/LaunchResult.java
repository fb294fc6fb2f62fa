package dev.conduit.awx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What AWX answered to a launch or relaunch.
 *
 * @param id the id of the new job (or workflow job, ad hoc command, update)
 * @param type the AWX type of the new object: {@code job}, {@code workflow_job}, ...
 * @param ignoredFields the launch fields AWX dropped because the template does not prompt for them (its {@code
 *     ask_*_on_launch} flag is false); empty when all were honoured
 * @param body the whole answer
 */
public record LaunchResult(long id, String type, ObjectNode ignoredFields, JsonNode body) {

  /** Whether AWX ignored some of the fields sent. */
  public boolean ignoredSomething() {
    return !ignoredFields.isEmpty();
  }
}
