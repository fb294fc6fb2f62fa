package dev.conduit.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.conduit.protocol.jsonrpc.DecodeResult;
import dev.conduit.protocol.jsonrpc.JsonPayload;
import dev.conduit.protocol.jsonrpc.JsonRpcCodec;
import dev.conduit.protocol.jsonrpc.JsonRpcRequest;
import dev.conduit.protocol.schema.CallToolRequestParams;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The codec on one thread, no transport: {@link #decode} is the one streaming pass over a {@code tools/call}
 * (envelope, member index, validation of every nested value), {@link #bind} is the handler's later bind of its
 * params to a record through the shared mapper, and {@link #decodeAndBind} is both, as a server pays them per call.
 * Not run by {@code run.sh}; see the README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodecDecode {

  private static final TypeReference<CallToolRequestParams> PARAMS = new TypeReference<>() {};

  /**
   * The message: {@code call}, a typical call (about 300 bytes, objects of a few members, two levels deep);
   * {@code medium}, arguments of 12 members; {@code wide}, arguments of 200 members; {@code deep}, arguments nested 60
   * objects deep, three members each.
   */
  @Param({"call", "medium", "wide", "deep"})
  public String shape = "call";

  private final JsonRpcCodec codec = JsonRpcCodec.standard();
  private byte[] message = new byte[0];
  private JsonPayload params = JsonPayload.ofJson("{}");

  /** Builds the message and checks that it decodes. */
  @Setup
  public void prepare() {
    String arguments = switch (shape) {
      case "call" -> "{\"template\":\"deploy-web\",\"limit\":\"web*\",\"extra_vars\":{\"version\":\"1.2.3\","
          + "\"dry_run\":false,\"tags\":[\"a\",\"b\"]},\"timeout\":300}";
      case "medium" -> wide(12);
      case "wide" -> wide(200);
      case "deep" -> deep(60);
      default -> throw new IllegalArgumentException(shape);
    };
    message = ("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"tools/call\",\"params\":{\"name\":\"job_launch\","
        + "\"arguments\":" + arguments + ",\"_meta\":{\"progressToken\":\"t-42\"}}}").getBytes(StandardCharsets.UTF_8);
    params = Objects.requireNonNull(decode());
    bind();
  }

  /** The streaming pass alone. */
  @Benchmark
  public JsonPayload decode() {
    DecodeResult result = codec.decode(message);
    if (!(result instanceof DecodeResult.Success success)) {
      throw new IllegalStateException(result.toString());
    }
    return Objects.requireNonNull(((JsonRpcRequest) success.message()).params());
  }

  /** Binding raw params to a record (a type reference, so that no earlier bind is reused). */
  @Benchmark
  public CallToolRequestParams bind() {
    return params.as(PARAMS);
  }

  /** What a server pays per call: the pass, then the bind. */
  @Benchmark
  public CallToolRequestParams decodeAndBind() {
    return decode().as(PARAMS);
  }

  private static String wide(int members) {
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < members; i++) {
      json.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":").append(i);
    }
    return json.append('}').toString();
  }

  private static String deep(int levels) {
    return "{\"a\":1,\"b\":\"x\",\"c\":".repeat(levels) + "{}" + "}".repeat(levels);
  }
}
