/**
 * The server side of MCP's HTTP transports: Streamable HTTP (2025-03-26 to 2026-07-28) and the legacy HTTP+SSE
 * transport (2024-11-05), behind two front doors.
 *
 * <ul>
 *   <li>{@link dev.conduit.transport.http.StreamableHttpServer}: an embedded server on the JDK's built-in HTTP
 *       server, with no dependency beyond the JDK, serving both transports;
 *   <li>{@link dev.conduit.transport.http.StreamableHttpServlet} and {@link dev.conduit.transport.http.LegacySseServlet}:
 *       Jakarta Servlet 6 (async) servlets, one per transport, that Spring Boot, Quarkus, Jetty or Tomcat applications
 *       mount at paths of their own.
 * </ul>
 *
 * <p>Both share one implementation and one set of {@link dev.conduit.transport.http.StreamableHttpOptions}.
 */
@NullMarked
package dev.conduit.transport.http;

import org.jspecify.annotations.NullMarked;
