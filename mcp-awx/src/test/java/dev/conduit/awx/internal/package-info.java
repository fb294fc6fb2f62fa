/** Tests of the AWX client's internals. */
@NullMarked
package dev.conduit.awx.internal;

import org.jspecify.annotations.NullMarked;
