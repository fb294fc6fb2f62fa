/** A scripted AWX over loopback HTTP for the tests, built on mockwebserver3. */
@NullMarked
package dev.conduit.awx.fake;

import org.jspecify.annotations.NullMarked;
