@NullMarked
package dev.conduit.observability.metrics;

import org.jspecify.annotations.NullMarked;
