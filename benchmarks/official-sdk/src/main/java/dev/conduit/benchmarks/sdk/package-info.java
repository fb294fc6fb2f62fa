/**
 * The official MCP Java SDK (2.2.0) side of the benchmarks: its echo server on embedded Tomcat and on stdio, and its
 * client on both transports. The benchmarks load this package from a jar of its own, in a class loader that sees
 * only the JDK, and talk to it through JDK types ({@code Supplier}, {@code UnaryOperator}, {@code AutoCloseable}).
 */
@NullMarked
package dev.conduit.benchmarks.sdk;

import org.jspecify.annotations.NullMarked;
