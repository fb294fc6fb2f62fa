/** Tests of the environment registry. */
@NullMarked
package dev.conduit.awx.env;

import org.jspecify.annotations.NullMarked;
