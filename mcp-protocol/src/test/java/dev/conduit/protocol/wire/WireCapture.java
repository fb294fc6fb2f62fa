package dev.conduit.protocol.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.conduit.protocol.jsonrpc.internal.Json;
import dev.conduit.protocol.transport.InMemoryTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A wire tap that records every frame in the order it was sent, and classifies the transcript afterwards.
 *
 * <p>A frame is recorded by the sending thread before the peer receives it, so a request is always recorded before
 * any response to it, and everything a peer sent before a response its caller waited for is recorded by then.
 */
final class WireCapture implements InMemoryTransport.WireTap {

  private record Raw(boolean fromClient, String text) {}

  private final List<Raw> frames = new ArrayList<>();

  @Override
  public void onFrame(boolean fromClient, byte[] frame) {
    String text = new String(frame, StandardCharsets.UTF_8);
    synchronized (frames) {
      frames.add(new Raw(fromClient, text));
    }
  }

  /** Every frame so far, classified; a response is matched by id to a request sent the other way. */
  List<Frame> frames(String revision) {
    List<Raw> snapshot;
    synchronized (frames) {
      snapshot = List.copyOf(frames);
    }
    Map<String, String> requests = new HashMap<>();
    List<Frame> classified = new ArrayList<>();
    for (Raw raw : snapshot) {
      JsonNode json = parse(raw.text());
      Frame.Kind kind = kind(json);
      String method = null;
      if (kind == Frame.Kind.REQUEST) {
        method = json.get("method").asText();
        requests.put(key(raw.fromClient(), json.get("id")), method);
      } else if (kind == Frame.Kind.NOTIFICATION) {
        method = json.get("method").asText();
      } else if (kind != Frame.Kind.UNKNOWN && json.hasNonNull("id")) {
        method = requests.get(key(!raw.fromClient(), json.get("id")));
      }
      classified.add(
          new Frame(revision, classified.size() + 1, raw.fromClient(), raw.text(), json, kind, method));
    }
    return classified;
  }

  private static String key(boolean fromClient, JsonNode id) {
    // The kind of the id matters: 1 and "1" are different ids.
    return (fromClient ? "c:" : "s:") + (id.isTextual() ? "s:" : "n:") + id.asText();
  }

  private static Frame.Kind kind(JsonNode json) {
    if (json == null || !json.isObject()) {
      return Frame.Kind.UNKNOWN;
    }
    if (json.has("method")) {
      return json.has("id") ? Frame.Kind.REQUEST : Frame.Kind.NOTIFICATION;
    }
    if (json.has("result")) {
      return Frame.Kind.RESULT;
    }
    return json.has("error") ? Frame.Kind.ERROR : Frame.Kind.UNKNOWN;
  }

  private static @Nullable JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
