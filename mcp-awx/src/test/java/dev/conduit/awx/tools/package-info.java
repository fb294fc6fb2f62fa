/** Tests of the AWX tools. */
@NullMarked
package dev.conduit.awx.tools;

import org.jspecify.annotations.NullMarked;
