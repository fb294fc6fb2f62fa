package dev.conduit.observability.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Captures every log event of every logger, at every level, while open. */
final class LogCapture implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previousLevel = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  /** The events so far, copied. */
  List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return new ArrayList<>(appender.list);
    }
  }

  /** The events of {@code logger}. */
  List<ILoggingEvent> events(String logger) {
    return events().stream().filter(e -> e.getLoggerName().equals(logger)).toList();
  }

  /** Everything an event could print: message, arguments, key-values, MDC, throwables. */
  static String everything(ILoggingEvent event) {
    StringBuilder all = new StringBuilder(event.getFormattedMessage()).append('\n');
    if (event.getArgumentArray() != null) {
      for (Object argument : event.getArgumentArray()) {
        all.append(argument).append('\n');
      }
    }
    all.append(keyValues(event)).append('\n').append(event.getMDCPropertyMap()).append('\n');
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      all.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /** The event's key-value pairs as a map. */
  static Map<String, @Nullable Object> keyValues(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
    return pairs.stream().collect(Collectors.toMap(p -> p.key, p -> p.value, (a, b) -> b));
  }

  @Override
  public void close() {
    root.setLevel(previousLevel);
    root.detachAppender(appender);
    appender.stop();
  }
}
