@NullMarked
package dev.conduit.observability;

import org.jspecify.annotations.NullMarked;
