/** Tests of the AWX server application, over stdio in a child JVM and over HTTP in this one. */
@NullMarked
package dev.conduit.samples.awx;

import org.jspecify.annotations.NullMarked;
