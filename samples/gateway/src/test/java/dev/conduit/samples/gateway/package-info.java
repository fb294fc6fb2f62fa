@NullMarked
package dev.conduit.samples.gateway;

import org.jspecify.annotations.NullMarked;
