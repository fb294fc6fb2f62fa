package dev.conduit.transport.http.internal;

import dev.conduit.transport.http.internal.Exchange.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a size limit. */
final class Bodies {

  private Bodies() {}

  /** Reads all of {@code in}, failing as soon as more than {@code limit} bytes arrive. */
  static byte[] read(InputStream in, int limit, long declaredLength) throws IOException {
    if (declaredLength > limit) {
      throw new BodyTooLargeException(limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > limit) {
        throw new BodyTooLargeException(limit);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
