package dev.conduit.protocol.jsonrpc.internal;

import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A slice of UTF-8 JSON text that a generator copies verbatim, so that a payload read from the wire is written back
 * without being parsed or re-serialised.
 */
public final class RawJson implements SerializableString {

  private final byte[] buffer;
  private final int offset;
  private final int length;

  public RawJson(byte[] buffer, int offset, int length) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public String getValue() {
    return new String(buffer, offset, length, StandardCharsets.UTF_8);
  }

  @Override
  public int charLength() {
    return getValue().length();
  }

  @Override
  public char[] asQuotedChars() {
    return getValue().toCharArray();
  }

  @Override
  public byte[] asUnquotedUTF8() {
    return Arrays.copyOfRange(buffer, offset, offset + length);
  }

  @Override
  public byte[] asQuotedUTF8() {
    return asUnquotedUTF8();
  }

  @Override
  public int appendQuotedUTF8(byte[] out, int outOffset) {
    return appendUnquotedUTF8(out, outOffset);
  }

  @Override
  public int appendQuoted(char[] out, int outOffset) {
    return appendUnquoted(out, outOffset);
  }

  @Override
  public int appendUnquotedUTF8(byte[] out, int outOffset) {
    if (outOffset + length > out.length) {
      return -1;
    }
    System.arraycopy(buffer, offset, out, outOffset, length);
    return length;
  }

  @Override
  public int appendUnquoted(char[] out, int outOffset) {
    String value = getValue();
    if (outOffset + value.length() > out.length) {
      return -1;
    }
    value.getChars(0, value.length(), out, outOffset);
    return value.length();
  }

  @Override
  public int writeQuotedUTF8(OutputStream out) throws IOException {
    return writeUnquotedUTF8(out);
  }

  @Override
  public int writeUnquotedUTF8(OutputStream out) throws IOException {
    out.write(buffer, offset, length);
    return length;
  }

  @Override
  public int putQuotedUTF8(ByteBuffer out) {
    return putUnquotedUTF8(out);
  }

  @Override
  public int putUnquotedUTF8(ByteBuffer out) {
    if (out.remaining() < length) {
      return -1;
    }
    out.put(buffer, offset, length);
    return length;
  }
}
