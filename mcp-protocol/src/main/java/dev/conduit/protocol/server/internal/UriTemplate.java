package dev.conduit.protocol.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Matches URIs against an RFC 6570 URI template ({@code test://template/{id}/data}, {@code file:///{+path}},
 * {@code search{?q,lang}}) and extracts the variables. Supports the level 1 to 3 operators; a prefix modifier is
 * accepted and ignored, an explode modifier matches like a list.
 */
public final class UriTemplate {

  private static final Pattern EXPRESSION = Pattern.compile("\\{([+#./;?&]?)([^}]*)}");

  private final String template;
  private final Pattern pattern;
  private final List<Group> groups;

  private record Group(char operator, List<String> names) {}

  private UriTemplate(String template, Pattern pattern, List<Group> groups) {
    this.template = template;
    this.pattern = pattern;
    this.groups = groups;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException if a brace is unbalanced or an expression names no variable
   */
  public static UriTemplate parse(String template) {
    StringBuilder regex = new StringBuilder("^");
    List<Group> groups = new ArrayList<>();
    Matcher m = EXPRESSION.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(literal(checkedLiteral(template, template.substring(last, m.start()))));
      char operator = m.group(1).isEmpty() ? 0 : m.group(1).charAt(0);
      List<String> names = new ArrayList<>();
      for (String spec : m.group(2).split(",")) {
        String name = spec.replaceAll("(:\\d+|\\*)$", "").trim();
        if (name.isEmpty()) {
          throw new IllegalArgumentException("Empty variable in URI template: " + template);
        }
        names.add(name);
      }
      regex.append(expressionRegex(operator, names.size()));
      groups.add(new Group(operator, List.copyOf(names)));
      last = m.end();
    }
    regex.append(literal(checkedLiteral(template, template.substring(last)))).append('$');
    return new UriTemplate(template, Pattern.compile(regex.toString()), List.copyOf(groups));
  }

  /** The template text. */
  public String template() {
    return template;
  }

  /** The variables of {@code uri}, percent-decoded, or {@code null} if it does not match. */
  public @Nullable Map<String, String> match(String uri) {
    Matcher m = pattern.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> variables = new LinkedHashMap<>();
    int index = 1;
    for (Group group : groups) {
      String value = m.group(index++);
      if (value != null) {
        bind(group, value, variables);
      }
    }
    return Collections.unmodifiableMap(variables);
  }

  private static void bind(Group group, String value, Map<String, String> variables) {
    switch (group.operator) {
      case '?', '&', ';' -> {
        String separator = group.operator == ';' ? ";" : "&";
        for (String pair : value.split(separator)) {
          int eq = pair.indexOf('=');
          String name = eq < 0 ? pair : pair.substring(0, eq);
          if (group.names.contains(name)) {
            variables.put(name, decode(eq < 0 ? "" : pair.substring(eq + 1)));
          }
        }
      }
      default -> {
        String separator = switch (group.operator) {
          case '/' -> "/";
          case '.' -> "\\.";
          default -> ",";
        };
        String[] parts = group.names.size() == 1 ? new String[] {value} : value.split(separator, -1);
        for (int i = 0; i < group.names.size() && i < parts.length; i++) {
          variables.put(group.names.get(i), decode(parts[i]));
        }
      }
    }
  }

  private static String expressionRegex(char operator, int count) {
    return switch (operator) {
      case '+' -> "(.*)";
      case '#' -> "(?:#(.*))?";
      case '/' -> "/(" + repeat("[^/?#]*", "/", count) + ")";
      case '.' -> "\\.(" + repeat("[^/?#.]*", "\\.", count) + ")";
      case ';' -> ";(.*?)(?=[/?#]|$)";
      case '?' -> "(?:\\?([^#]*))?";
      case '&' -> "(?:&([^#]*))?";
      default -> "(" + repeat("[^/?#,]*", ",", count) + ")";
    };
  }

  private static String repeat(String unit, String separator, int count) {
    StringBuilder out = new StringBuilder(unit);
    for (int i = 1; i < count; i++) {
      out.append("(?:").append(separator).append(unit).append(")?");
    }
    return out.toString();
  }

  private static String checkedLiteral(String template, String text) {
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      throw new IllegalArgumentException("Unbalanced brace in URI template: " + template);
    }
    return text;
  }

  private static String literal(String text) {
    return text.isEmpty() ? "" : Pattern.quote(text);
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  @Override
  public String toString() {
    return template;
  }
}
