@NullMarked
package dev.conduit.samples.quickstart;

import org.jspecify.annotations.NullMarked;
