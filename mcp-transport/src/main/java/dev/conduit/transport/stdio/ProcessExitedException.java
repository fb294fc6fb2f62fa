package dev.conduit.transport.stdio;

import java.io.IOException;

/**
 * A server process exited while its client still expected answers. It is the cause of the {@link
 * dev.conduit.protocol.McpConnectionClosedException} that pending and later calls fail with.
 */
public final class ProcessExitedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** @param exitCode the process's exit code (128 + the signal number for a process killed by a signal) */
  public ProcessExitedException(int exitCode) {
    super("Server process exited with code " + exitCode);
    this.exitCode = exitCode;
  }

  /** The process's exit code. */
  public int exitCode() {
    return exitCode;
  }
}
