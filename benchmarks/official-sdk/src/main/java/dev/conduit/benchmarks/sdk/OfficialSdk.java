package dev.conduit.benchmarks.sdk;

import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.net.URI;
import java.util.List;

/**
 * What the benchmarks call, by reflection, from outside this jar's class loader. Every method returns an object of a
 * JDK type: {@link SdkHttpServer} is a {@code Supplier<String>} of its URL, {@link SdkClient} a {@code
 * UnaryOperator<String>} that echoes; both are {@code AutoCloseable}.
 */
public final class OfficialSdk {

  private OfficialSdk() {}

  /**
   * Starts the SDK's Streamable HTTP echo server on embedded Tomcat.
   *
   * @param immediate the SDK's {@code immediateExecution}: run the sync tool on the request thread instead of
   *     Reactor's {@code boundedElastic} (the SDK's default is {@code false})
   */
  public static SdkHttpServer httpServer(boolean immediate) throws Exception {
    return new SdkHttpServer(immediate);
  }

  /** The SDK's client on its JDK {@code HttpClient} Streamable HTTP transport, initialized against {@code url}. */
  public static SdkClient httpClient(String url) {
    URI uri = URI.create(url);
    String base = uri.getScheme() + "://" + uri.getAuthority();
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(base).endpoint(uri.getPath()).build();
    return new SdkClient(transport);
  }

  /** The SDK's client on its stdio transport: launches {@code commandLine} and initializes. */
  public static SdkClient stdioClient(List<String> commandLine) {
    ServerParameters parameters = ServerParameters.builder(commandLine.get(0))
        .args(commandLine.subList(1, commandLine.size()))
        .build();
    return new SdkClient(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()));
  }
}
