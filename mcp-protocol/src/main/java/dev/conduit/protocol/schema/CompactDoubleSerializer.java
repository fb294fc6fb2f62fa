package dev.conduit.protocol.schema;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a whole {@code double} without a fraction ({@code 50}, not {@code 50.0}).
 *
 * <p>JSON has one number type, but peers (and JSON Schema {@code integer} checks in older validators) often tell
 * {@code 50} from {@code 50.0}. A progress of {@code 50} that arrived as {@code 50} should leave as {@code 50}.
 */
final class CompactDoubleSerializer extends StdSerializer<Double> {

  /** Beyond 2^53 a double no longer holds every integer, so a long conversion could change the value. */
  private static final double EXACT_LIMIT = 9_007_199_254_740_992d;

  CompactDoubleSerializer() {
    super(Double.class);
  }

  @Override
  public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
    double d = value;
    if (d == Math.rint(d) && Math.abs(d) < EXACT_LIMIT && !(d == 0 && 1 / d < 0)) {
      long whole = (long) d;
      // An int where it fits, so that an in-memory tree (valueToTree) matches one parsed from the text.
      if (whole == (int) whole) {
        out.writeNumber((int) whole);
      } else {
        out.writeNumber(whole);
      }
    } else {
      out.writeNumber(d);
    }
  }
}
