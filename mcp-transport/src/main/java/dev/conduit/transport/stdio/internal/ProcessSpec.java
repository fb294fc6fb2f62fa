package dev.conduit.transport.stdio.internal;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to launch: the command line, the working directory and the environment.
 *
 * @param command the program and its arguments
 * @param directory the working directory, or {@code null} for the parent's
 * @param environment variables to set (over the inherited ones)
 * @param inheritEnvironment whether the child sees the parent's whole environment, or only {@link #ESSENTIAL} ones
 *     and {@code environment}
 */
public record ProcessSpec(
    List<String> command, @Nullable Path directory, Map<String, String> environment, boolean inheritEnvironment) {

  /**
   * The variables a child keeps when it does not inherit the environment: what shells, package runners such as
   * {@code npx} and {@code uvx}, and the JVM need to start at all.
   */
  public static final List<String> ESSENTIAL =
      List.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "TERM", "TMPDIR", "LANG", "LC_ALL", "TZ", "SYSTEMROOT",
          "SYSTEMDRIVE", "WINDIR", "COMSPEC", "PATHEXT", "TEMP", "TMP", "USERPROFILE", "APPDATA", "LOCALAPPDATA",
          "PROGRAMFILES", "HOMEDRIVE", "HOMEPATH", "USERNAME");

  public ProcessSpec {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("No command");
    }
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** A process builder for this spec, with stdin and stdout piped to us and stderr piped for logging. */
  public ProcessBuilder processBuilder() {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Map<String, String> env = builder.environment();
    if (!inheritEnvironment) {
      // Windows variable names are case-insensitive; compare them so.
      env.keySet().removeIf(name -> !ESSENTIAL.contains(name.toUpperCase(Locale.ROOT)));
    }
    env.putAll(environment);
    builder.redirectInput(Redirect.PIPE).redirectOutput(Redirect.PIPE).redirectError(Redirect.PIPE);
    return builder;
  }

  /** The program's file name, for log lines and messages. */
  public String shortName() {
    String program = command.get(0);
    int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    return program.substring(slash + 1);
  }
}
