@NullMarked
package dev.conduit.observability.tracing;

import org.jspecify.annotations.NullMarked;
