/** Tests of the AWX client. */
@NullMarked
package dev.conduit.awx;

import org.jspecify.annotations.NullMarked;
