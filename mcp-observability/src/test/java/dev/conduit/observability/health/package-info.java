@NullMarked
package dev.conduit.observability.health;

import org.jspecify.annotations.NullMarked;
