package dev.conduit.awx.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Schedules: the rrule subset the simulator understands ({@code DTSTART[;TZID=zone]:yyyyMMddTHHmmss[Z]} and one
 * {@code RRULE:FREQ=MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY;INTERVAL=n;COUNT=n;UNTIL=...}), {@code next_run},
 * {@code schedules/preview/} and {@code schedules/zoneinfo/}. Schedules are not fired.
 */
final class Schedules {

  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final Store store;

  Schedules(Store store) {
    this.store = store;
  }

  /** The rule, parsed. */
  private record Rule(ZonedDateTime start, ChronoUnit unit, int interval, int count, @Nullable ZonedDateTime until) {}

  /** Adds AWX's rrule messages to {@code errors} when the rule is not one the simulator understands. */
  static void validate(ObjectNode input, ObjectNode errors) {
    JsonNode rrule = input.get("rrule");
    if (rrule == null || rrule.isNull() || rrule.asText().isBlank()) {
      return;
    }
    try {
      parse(rrule.asText());
    } catch (IllegalArgumentException e) {
      errors.putArray("rrule").add(e.getMessage());
    }
  }

  private static Rule parse(String rrule) {
    String text = rrule.trim();
    int dtstart = text.indexOf("DTSTART");
    if (dtstart < 0) {
      throw new IllegalArgumentException(
          "Valid DTSTART required in rrule. Value should start with: DTSTART:YYYYMMDDTHHMMSSZ");
    }
    if (text.indexOf("DTSTART", dtstart + 1) >= 0) {
      throw new IllegalArgumentException("Multiple DTSTART is not supported.");
    }
    int ruleAt = text.indexOf("RRULE:");
    if (ruleAt < 0) {
      throw new IllegalArgumentException("RRULE required in rrule.");
    }
    String head = text.substring(dtstart, ruleAt).trim();
    ZoneId zone = ZoneOffset.UTC;
    int colon = head.lastIndexOf(':');
    if (head.contains("TZID=")) {
      zone = ZoneId.of(head.substring(head.indexOf("TZID=") + 5, colon));
    }
    String stamp = head.substring(colon + 1).trim();
    ZonedDateTime start;
    try {
      boolean utc = stamp.endsWith("Z");
      start = LocalDateTime.parse(utc ? stamp.substring(0, stamp.length() - 1) : stamp, BASIC)
          .atZone(utc ? ZoneOffset.UTC : zone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "Valid DTSTART required in rrule. Value should start with: DTSTART:YYYYMMDDTHHMMSSZ");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : text.substring(ruleAt + 6).trim().split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim().toUpperCase(Locale.ROOT), part.substring(eq + 1).trim());
      }
    }
    ChronoUnit unit = switch (parts.getOrDefault("FREQ", "")) {
      case "MINUTELY" -> ChronoUnit.MINUTES;
      case "HOURLY" -> ChronoUnit.HOURS;
      case "DAILY" -> ChronoUnit.DAYS;
      case "WEEKLY" -> ChronoUnit.WEEKS;
      case "MONTHLY" -> ChronoUnit.MONTHS;
      case "YEARLY" -> ChronoUnit.YEARS;
      default -> throw new IllegalArgumentException("A valid FREQ is required in the RRULE.");
    };
    int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
    int count = Integer.parseInt(parts.getOrDefault("COUNT", "0"));
    ZonedDateTime until = null;
    if (parts.containsKey("UNTIL")) {
      String u = parts.get("UNTIL");
      until = LocalDateTime.parse(u.endsWith("Z") ? u.substring(0, u.length() - 1) : u, BASIC)
          .atZone(u.endsWith("Z") ? ZoneOffset.UTC : zone);
    }
    return new Rule(start, unit, Math.max(1, interval), count, until);
  }

  private static List<ZonedDateTime> occurrences(Rule rule, ZonedDateTime from, int max) {
    List<ZonedDateTime> out = new ArrayList<>();
    ZonedDateTime next = rule.start();
    for (int n = 0; out.size() < max && n < 1_000_000; n++) {
      if (rule.count() > 0 && n >= rule.count()) {
        break;
      }
      if (rule.until() != null && next.isAfter(rule.until())) {
        break;
      }
      if (!next.isBefore(from)) {
        out.add(next);
      }
      next = next.plus(rule.interval(), rule.unit());
    }
    return out;
  }

  /** Recomputes {@code next_run}, {@code dtstart}, {@code dtend}, {@code until} and {@code timezone}. */
  void refresh(ObjectNode schedule) {
    Rule rule;
    try {
      rule = parse(schedule.path("rrule").asText());
    } catch (IllegalArgumentException e) {
      return;
    }
    ZonedDateTime now = store.instant().atZone(ZoneOffset.UTC);
    List<ZonedDateTime> next = occurrences(rule, now, 1);
    schedule.put("dtstart", utc(rule.start()));
    schedule.put("timezone", rule.start().getZone().getId().equals("Z") ? "UTC" : rule.start().getZone().getId());
    schedule.put("until", rule.until() == null ? "" : rule.until().toLocalDateTime().toString());
    List<ZonedDateTime> all = rule.count() > 0 || rule.until() != null
        ? occurrences(rule, rule.start(), 100_000) : List.of();
    schedule.set("dtend", all.isEmpty() ? null : Json.MAPPER.valueToTree(utc(all.get(all.size() - 1))));
    schedule.set("next_run", next.isEmpty() || !schedule.path("enabled").asBoolean(true) ? null
        : Json.MAPPER.valueToTree(utc(next.get(0))));
  }

  private static String utc(ZonedDateTime time) {
    return time.withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'"));
  }

  /** {@code schedules/preview/} (POST an rrule: the next ten occurrences) and {@code schedules/zoneinfo/}. */
  Response special(Request request, String name) throws ApiException {
    if (name.equals("zoneinfo")) {
      if (!request.isRead()) {
        throw ApiException.methodNotAllowed(request.method());
      }
      ArrayNode zones = Json.array();
      ZoneId.getAvailableZoneIds().stream().sorted().forEach(z -> zones.add(Json.of("name", z)));
      return Response.ok(zones);
    }
    if (!name.equals("preview")) {
      throw ApiException.notFound();
    }
    if (!request.method().equals("POST")) {
      throw ApiException.methodNotAllowed(request.method());
    }
    ObjectNode body = request.bodyObject();
    ObjectNode errors = Json.object();
    if (!body.hasNonNull("rrule")) {
      errors.putArray("rrule").add("This field is required.");
    }
    validate(body, errors);
    if (!errors.isEmpty()) {
      throw new ApiException(400, errors);
    }
    Rule rule = parse(body.get("rrule").asText());
    ZonedDateTime now = store.instant().atZone(ZoneOffset.UTC);
    ArrayNode local = Json.array();
    ArrayNode utc = Json.array();
    for (ZonedDateTime t : occurrences(rule, now, 10)) {
      local.add(t.format(ISO));
      utc.add(t.withZoneSameInstant(ZoneOffset.UTC).format(ISO));
    }
    return Response.ok(Json.of("local", local, "utc", utc));
  }
}
