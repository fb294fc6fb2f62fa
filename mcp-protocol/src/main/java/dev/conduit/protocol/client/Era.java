package dev.conduit.protocol.client;

/** Which protocol era a client speaks. */
public enum Era {
  /**
   * Ask the server: probe with {@code server/discover}, and fall back to {@code initialize} if the server does not
   * answer it as a modern server would.
   */
  AUTO,
  /** Always {@code initialize} (2025-11-25 and earlier). */
  LEGACY,
  /** Always stateless, per-request metadata (2026-07-28); fail if the server does not speak it. */
  MODERN
}
