package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Everything the simulator holds. Not synchronized itself: the dispatcher and the job runner hold the store's monitor
 * for the whole of each request or job step, so that a request always sees a consistent estate.
 */
public final class Store {

  /** Unified job templates share one id sequence in AWX, as do unified jobs; a client may rely on ids being unique. */
  private static final Set<String> TEMPLATE_KINDS =
      Set.of("job_templates", "projects", "inventory_sources", "workflow_job_templates", "workflow_approval_templates");
  private static final Set<String> JOB_KINDS = Set.of("jobs", "project_updates", "inventory_updates", "workflow_jobs",
      "ad_hoc_commands", "workflow_approvals", "system_jobs");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final String apiRoot;
  private final Clock clock;
  private final Map<String, TreeMap<Integer, ObjectNode>> collections = new HashMap<>();
  private final Map<String, Integer> sequences = new HashMap<>();
  private final Map<String, ObjectNode> hidden = new HashMap<>();
  private final Map<Integer, Set<Integer>> groupHosts = new HashMap<>();
  private final Map<Integer, List<String>> stdout = new HashMap<>();
  private final Map<String, String> tokens = new HashMap<>();
  private final Map<Integer, List<String>> statusHistory = new HashMap<>();
  private int jobsLaunched;

  /** An empty store whose links start with {@code apiRoot}, such as {@code /api/v2/}. */
  public Store(String apiRoot, Clock clock) {
    this.apiRoot = apiRoot;
    this.clock = clock;
  }

  /** The API root every {@code url} and {@code related} link starts with. */
  public String apiRoot() {
    return apiRoot;
  }

  /** The link of an object or sublist: {@code link("jobs", 5, "stdout")} is {@code /api/v2/jobs/5/stdout/}. */
  public String link(String collection, Object id, String... sub) {
    StringBuilder b = new StringBuilder(apiRoot).append(collection).append('/').append(id).append('/');
    for (String s : sub) {
      b.append(s).append('/');
    }
    return b.toString();
  }

  /** Now, in AWX's timestamp format (microseconds, UTC). */
  public String now() {
    return TIMESTAMP.format(clock.instant());
  }

  /** The current instant. */
  public Instant instant() {
    return clock.instant();
  }

  /** Formats an instant the way AWX does. */
  public static String format(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** The next id for an object of this collection. */
  public int nextId(String collection) {
    String sequence = TEMPLATE_KINDS.contains(collection) ? "unified_job_templates"
        : JOB_KINDS.contains(collection) ? "unified_jobs" : collection;
    int id = sequences.merge(sequence, 1, Integer::sum);
    return id;
  }

  /** Stores (or replaces) an object under its {@code id}. */
  public ObjectNode put(String collection, ObjectNode node) {
    collections.computeIfAbsent(collection, c -> new TreeMap<>()).put(node.get("id").asInt(), node);
    return node;
  }

  /** An object, or null. */
  public @Nullable ObjectNode get(String collection, int id) {
    TreeMap<Integer, ObjectNode> objects = collections.get(collection);
    return objects == null ? null : objects.get(id);
  }

  /** An object, or 404. */
  public ObjectNode require(String collection, int id) throws ApiException {
    ObjectNode node = get(collection, id);
    if (node == null) {
      throw ApiException.notFound();
    }
    return node;
  }

  /** Removes an object and what only it held. */
  public void remove(String collection, int id) {
    TreeMap<Integer, ObjectNode> objects = collections.get(collection);
    if (objects != null) {
      objects.remove(id);
    }
    hidden.remove(collection + "/" + id);
    if (collection.equals("groups")) {
      groupHosts.remove(id);
    }
    if (collection.equals("hosts")) {
      groupHosts.values().forEach(hosts -> hosts.remove(id));
    }
  }

  /** Every object of a collection, by id. */
  public List<ObjectNode> all(String collection) {
    TreeMap<Integer, ObjectNode> objects = collections.get(collection);
    return objects == null ? List.of() : new ArrayList<>(objects.values());
  }

  /** The objects of a collection that match. */
  public List<ObjectNode> where(String collection, Predicate<ObjectNode> test) {
    return all(collection).stream().filter(test).toList();
  }

  /** The objects of a collection whose integer field {@code field} is {@code id}. */
  public List<ObjectNode> children(String collection, String field, int id) {
    return where(collection, n -> n.path(field).isInt() && n.get(field).asInt() == id);
  }

  /** State kept beside an object but never serialized (secrets, survey answers, credentials of a template). */
  public ObjectNode hidden(String collection, int id) {
    return hidden.computeIfAbsent(collection + "/" + id, k -> Json.object());
  }

  /** The hosts of a group (membership is many-to-many, so it lives beside the objects). */
  public Set<Integer> groupHosts(int groupId) {
    return groupHosts.computeIfAbsent(groupId, g -> new LinkedHashSet<>());
  }

  /** The groups a host belongs to. */
  public List<Integer> hostGroups(int hostId) {
    List<Integer> groups = new ArrayList<>();
    groupHosts.forEach((group, hosts) -> {
      if (hosts.contains(hostId)) {
        groups.add(group);
      }
    });
    groups.sort(null);
    return groups;
  }

  /** The output lines of a unified job, which grow while it runs. */
  public List<String> stdout(int unifiedJobId) {
    return stdout.computeIfAbsent(unifiedJobId, j -> new ArrayList<>());
  }

  /** The Bearer tokens that authenticate, each to a username; configured ones and those created through the API. */
  public Map<String, String> tokens() {
    return tokens;
  }

  /** The statuses a unified job has had, oldest first. */
  public List<String> statusHistory(int unifiedJobId) {
    return statusHistory.computeIfAbsent(unifiedJobId, j -> new ArrayList<>());
  }

  /** Counts a job created by a launch or relaunch. */
  public void countLaunch() {
    jobsLaunched++;
  }

  /** Jobs created by launches and relaunches. */
  public int jobsLaunched() {
    return jobsLaunched;
  }

  /** A unified job of any kind by id, or null. */
  public @Nullable ObjectNode unifiedJob(int id) {
    for (String kind : JOB_KINDS) {
      ObjectNode node = get(kind, id);
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /** Every unified job, by id. */
  public List<ObjectNode> unifiedJobs() {
    return merged(JOB_KINDS);
  }

  /** Every unified job template, by id. */
  public List<ObjectNode> unifiedJobTemplates() {
    return merged(TEMPLATE_KINDS);
  }

  private List<ObjectNode> merged(Set<String> kinds) {
    TreeMap<Integer, ObjectNode> all = new TreeMap<>();
    for (String kind : kinds) {
      for (ObjectNode node : all(kind)) {
        all.put(node.get("id").asInt(), node);
      }
    }
    return new ArrayList<>(all.values());
  }
}
