package dev.conduit.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A revision of the Model Context Protocol, and what it offers.
 *
 * <p>Revisions up to {@link #V2025_11_25} form the <em>legacy</em> era: a connection starts with {@code initialize}
 * and may carry server-to-client requests. {@link #V2026_07_28} starts the <em>modern</em> era: every request is
 * self-describing ({@code _meta} carries the version and the client's capabilities), there is no session, and a
 * server asks the client for input through {@code input_required} results.
 */
public enum ProtocolVersion {
  V2024_11_05("2024-11-05"),
  V2025_03_26("2025-03-26"),
  V2025_06_18("2025-06-18"),
  V2025_11_25("2025-11-25"),
  V2026_07_28("2026-07-28");

  private static final List<ProtocolVersion> NEWEST_FIRST = newestFirst();

  private final String id;

  ProtocolVersion(String id) {
    this.id = id;
  }

  /** The revision's date string, as it appears on the wire. */
  public String id() {
    return id;
  }

  /** The revision named {@code id}, if this library knows it. */
  public static Optional<ProtocolVersion> parse(String id) {
    for (ProtocolVersion version : values()) {
      if (version.id.equals(id)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The newest revision. */
  public static ProtocolVersion latest() {
    return V2026_07_28;
  }

  /** The newest revision of the legacy era, negotiated through {@code initialize}. */
  public static ProtocolVersion latestLegacy() {
    return V2025_11_25;
  }

  /** Every revision, newest first. */
  public static List<ProtocolVersion> newestFirstList() {
    return NEWEST_FIRST;
  }

  /** Whether this revision belongs to the stateless, modern era (2026-07-28 and later). */
  public boolean isModern() {
    return compareTo(V2026_07_28) >= 0;
  }

  /** Whether this revision has {@code feature}. */
  public boolean supports(Feature feature) {
    return compareTo(feature.since) >= 0 && (feature.until == null || compareTo(feature.until) <= 0);
  }

  @Override
  public String toString() {
    return id;
  }

  private static List<ProtocolVersion> newestFirst() {
    ProtocolVersion[] versions = values().clone();
    Arrays.sort(versions, (a, b) -> b.compareTo(a));
    return List.of(versions);
  }

  /** A protocol feature, with the revisions that have it. */
  public enum Feature {
    /** The {@code initialize} handshake and connection-scoped state. */
    INITIALIZE_HANDSHAKE(V2024_11_05, V2025_11_25),
    /** Requests sent by the server to the client ({@code sampling/createMessage}, {@code elicitation/create}, ...). */
    SERVER_TO_CLIENT_REQUESTS(V2024_11_05, V2025_11_25),
    /** The {@code ping} request. */
    PING(V2024_11_05, V2025_11_25),
    /** {@code logging/setLevel}; later revisions carry the level in each request's {@code _meta}. */
    LOGGING_SET_LEVEL(V2024_11_05, V2025_11_25),
    /** {@code resources/subscribe} and {@code resources/unsubscribe}. */
    RESOURCE_SUBSCRIBE(V2024_11_05, V2025_11_25),
    /** {@code notifications/roots/list_changed}. */
    ROOTS_LIST_CHANGED(V2024_11_05, V2025_11_25),
    /** The HTTP+SSE transport with an {@code endpoint} event. */
    HTTP_SSE_TRANSPORT(V2024_11_05, V2024_11_05),
    /** JSON-RPC batches (arrays of messages). */
    JSON_RPC_BATCHING(V2025_03_26, V2025_03_26),
    /** The Streamable HTTP transport. */
    STREAMABLE_HTTP(V2025_03_26, null),
    /** Tool annotations ({@code readOnlyHint}, {@code destructiveHint}, ...). */
    TOOL_ANNOTATIONS(V2025_03_26, null),
    /** Audio content blocks. */
    AUDIO_CONTENT(V2025_03_26, null),
    /** The {@code completions} server capability. */
    COMPLETIONS_CAPABILITY(V2025_03_26, null),
    /** A {@code message} on progress notifications. */
    PROGRESS_MESSAGE(V2025_03_26, null),
    /** SSE event ids and {@code Last-Event-ID} resumption. */
    SSE_RESUMABILITY(V2025_03_26, V2025_11_25),
    /** {@code outputSchema} and {@code structuredContent} on tools. */
    STRUCTURED_TOOL_OUTPUT(V2025_06_18, null),
    /** {@code elicitation/create}. */
    ELICITATION(V2025_06_18, null),
    /** {@code resource_link} content blocks. */
    RESOURCE_LINKS(V2025_06_18, null),
    /** {@code title} on tools, prompts, resources and implementations. */
    TITLES(V2025_06_18, null),
    /** The {@code MCP-Protocol-Version} HTTP header. */
    PROTOCOL_VERSION_HEADER(V2025_06_18, null),
    /** {@code context} on {@code completion/complete}. */
    COMPLETION_CONTEXT(V2025_06_18, null),
    /** Icons on implementations, tools, prompts and resources. */
    ICONS(V2025_11_25, null),
    /** URL-mode elicitation. */
    URL_ELICITATION(V2025_11_25, null),
    /** {@code notifications/elicitation/complete}. */
    ELICITATION_COMPLETE_NOTIFICATION(V2025_11_25, V2025_11_25),
    /** Defaults on elicitation schema properties (SEP-1034) and titled enums (SEP-1330). */
    ELICITATION_DEFAULTS_AND_ENUMS(V2025_11_25, null),
    /** Tools in sampling requests ({@code tools}, {@code toolChoice}). */
    SAMPLING_TOOLS(V2025_11_25, null),
    /** Experimental tasks ({@code tasks/get}, {@code tasks/result}, ...), in the core protocol. */
    TASKS(V2025_11_25, V2025_11_25),
    /** {@code server/discover}. */
    SERVER_DISCOVER(V2026_07_28, null),
    /** Protocol version and client capabilities in every request's {@code _meta}. */
    PER_REQUEST_METADATA(V2026_07_28, null),
    /** {@code input_required} results (multi round-trip requests). */
    INPUT_REQUIRED(V2026_07_28, null),
    /** {@code subscriptions/listen}. */
    SUBSCRIPTIONS_LISTEN(V2026_07_28, null),
    /** {@code resultType} on every result. */
    RESULT_TYPE(V2026_07_28, null),
    /** {@code ttlMs} and {@code cacheScope} on list and read results. */
    CACHEABLE_RESULTS(V2026_07_28, null),
    /** The log level in each request's {@code _meta}. */
    PER_REQUEST_LOG_LEVEL(V2026_07_28, null),
    /** The {@code Mcp-Method} and {@code Mcp-Name} HTTP headers. */
    HTTP_METHOD_HEADERS(V2026_07_28, null);

    private final ProtocolVersion since;
    private final @Nullable ProtocolVersion until;

    Feature(ProtocolVersion since, @Nullable ProtocolVersion until) {
      this.since = since;
      this.until = until;
    }

    /** The first revision with this feature. */
    public ProtocolVersion since() {
      return since;
    }

    /** The last revision with this feature, if it was removed. */
    public Optional<ProtocolVersion> until() {
      return Optional.ofNullable(until);
    }
  }
}
