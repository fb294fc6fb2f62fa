package dev.conduit.protocol.jsonrpc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Builds a raw JSON object from the members of another with one member set or removed, copying the other members'
 * bytes as they are; the result is indexed as it is written, so it can be spliced again.
 */
final class MemberSplice {

  private byte[] out;
  private int length;
  private final JsonPayload.MemberIndex index = new JsonPayload.MemberIndex();

  private MemberSplice(int capacity) {
    this.out = new byte[capacity];
  }

  static JsonPayload splice(
      byte[] buffer, JsonPayload.MemberIndex members, String name, byte @Nullable [] value) {
    int capacity = 2 + (value == null ? 0 : value.length + name.length() + 8);
    for (int i = 0; i < members.size(); i++) {
      capacity += members.end(i) - members.start(i) + members.name(i).length() + 8;
    }
    MemberSplice splice = new MemberSplice(capacity);
    splice.write((byte) '{');
    boolean written = false;
    for (int i = 0; i < members.size(); i++) {
      String member = members.name(i);
      if (!member.equals(name)) {
        splice.member(member, buffer, members.start(i), members.end(i) - members.start(i));
      } else if (value != null && !written) {
        splice.member(name, value, 0, value.length);
        written = true;
      }
    }
    if (value != null && !written) {
      splice.member(name, value, 0, value.length);
    }
    splice.write((byte) '}');
    return JsonPayload.raw(splice.out, 0, splice.length, splice.index);
  }

  private void member(String name, byte[] source, int offset, int count) {
    if (index.size() > 0) {
      write((byte) ',');
    }
    write((byte) '"');
    write(JsonStringEncoder.getInstance().quoteAsUTF8(name));
    write((byte) '"');
    write((byte) ':');
    index.add(name, length);
    write(source, offset, count);
    index.endLast(out, length);
  }

  private void write(byte b) {
    ensure(1);
    out[length++] = b;
  }

  private void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  private void write(byte[] bytes, int offset, int count) {
    ensure(count);
    System.arraycopy(bytes, offset, out, length, count);
    length += count;
  }

  private void ensure(int more) {
    if (length + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
    }
  }
}
