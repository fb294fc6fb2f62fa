package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Which hosts of an inventory a {@code limit} selects, in Ansible's pattern language (the common subset). */
final class Targets {

  private Targets() {}

  /**
   * The enabled hosts of the inventory that the limit selects, sorted by name. A limit is a list of patterns
   * separated by commas or colons: {@code all} or {@code *}, a group name, a host name or a glob, and
   * {@code !pattern} to exclude.
   */
  static List<String> hosts(Store store, int inventory, String limit) {
    List<ObjectNode> all = store.children("hosts", "inventory", inventory).stream()
        .filter(h -> h.path("enabled").asBoolean(true)).toList();
    Set<String> selected = new LinkedHashSet<>();
    Set<String> excluded = new LinkedHashSet<>();
    String[] patterns = limit == null || limit.isBlank() ? new String[] {"all"} : limit.split("[,:]");
    boolean onlyExclusions = true;
    for (String raw : patterns) {
      String pattern = raw.trim();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean exclude = pattern.startsWith("!");
      if (exclude) {
        pattern = pattern.substring(1);
      } else {
        onlyExclusions = false;
      }
      Set<String> matched = match(store, inventory, all, pattern.startsWith("&") ? pattern.substring(1) : pattern);
      (exclude ? excluded : selected).addAll(matched);
    }
    if (onlyExclusions) {
      all.forEach(h -> selected.add(h.path("name").asText()));
    }
    selected.removeAll(excluded);
    return selected.stream().sorted().toList();
  }

  private static Set<String> match(Store store, int inventory, List<ObjectNode> hosts, String pattern) {
    Set<String> names = new LinkedHashSet<>();
    if (pattern.equals("all") || pattern.equals("*")) {
      hosts.forEach(h -> names.add(h.path("name").asText()));
      return names;
    }
    for (ObjectNode group : store.children("groups", "inventory", inventory)) {
      if (group.path("name").asText().equals(pattern)) {
        for (int hostId : store.groupHosts(group.get("id").asInt())) {
          ObjectNode host = store.get("hosts", hostId);
          if (host != null && host.path("enabled").asBoolean(true)) {
            names.add(host.path("name").asText());
          }
        }
      }
    }
    Pattern glob = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    hosts.stream().map(h -> h.path("name").asText()).filter(n -> glob.matcher(n).matches()).forEach(names::add);
    return names;
  }
}
