@NullMarked
package dev.conduit.observability.logging;

import org.jspecify.annotations.NullMarked;
