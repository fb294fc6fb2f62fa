package dev.conduit.protocol.client.internal;

import dev.conduit.protocol.schema.ListToolsResult;
import dev.conduit.protocol.schema.Tool;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves out of a tool listing the tools a client must not call: those whose {@code x-mcp-header} markings (SEP-2243)
 * are invalid, for no header could carry their parameters. One bad definition does not cost the others.
 */
public final class UsableTools {

  private static final Logger log = LoggerFactory.getLogger(UsableTools.class);

  private UsableTools() {}

  /** {@code page} without the tools a client must not call (the same page if there are none). */
  public static ListToolsResult of(ListToolsResult page) {
    List<Tool> usable = of(page.tools());
    if (usable.size() == page.tools().size()) {
      return page;
    }
    return new ListToolsResult(usable, page.nextCursor(), page.ttlMs(), page.cacheScope(), page.resultType(),
        page.meta(), page.additionalFields());
  }

  /** {@code tools} without those a client must not call. */
  public static List<Tool> of(List<Tool> tools) {
    return tools.stream().filter(UsableTools::usable).toList();
  }

  private static boolean usable(Tool tool) {
    try {
      tool.paramHeaders();
      return true;
    } catch (IllegalArgumentException e) {
      log.warn("Leaving out tool '{}', which no client may call: {}", tool.name(), e.getMessage());
      return false;
    }
  }
}
