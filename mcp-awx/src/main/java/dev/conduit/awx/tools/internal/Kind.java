package dev.conduit.awx.tools.internal;

import dev.conduit.protocol.schema.ToolAnnotations;
import java.util.Map;

/** What a tool does to AWX, which sets its annotations and whether read-only mode hides it. */
public enum Kind {
  /** Reads only. */
  READ(true, false, true),
  /** Changes only the caller's session (the current environment), not AWX. */
  SESSION(false, false, true),
  /** Creates an object. */
  CREATE(false, false, false),
  /** Changes an object in a way that can be repeated to no further effect. */
  UPDATE(false, false, true),
  /** Starts work on AWX (a sync, a notification test) without destroying anything. */
  START(false, false, false),
  /** Launches, relaunches or decides: effects that cannot be taken back. */
  LAUNCH(false, true, false),
  /** Cancels running work: cannot be taken back, but a second cancel changes nothing more. */
  STOP(false, true, true),
  /** Deletes an object. */
  DELETE(false, true, true);

  private final boolean readOnly;
  private final boolean destructive;
  private final boolean idempotent;

  Kind(boolean readOnly, boolean destructive, boolean idempotent) {
    this.readOnly = readOnly;
    this.destructive = destructive;
    this.idempotent = idempotent;
  }

  /** Whether read-only mode hides the tool. */
  public boolean mutatesAwx() {
    return !readOnly && this != SESSION;
  }

  /** The MCP annotations. AWX is a closed world: every tool acts on one known installation. */
  public ToolAnnotations annotations(String title) {
    return new ToolAnnotations(title, readOnly, readOnly ? null : destructive, idempotent, false, Map.of());
  }
}
