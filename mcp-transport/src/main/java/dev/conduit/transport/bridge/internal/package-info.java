/** Implementation of the bridge; not for use outside this module. */
@NullMarked
package dev.conduit.transport.bridge.internal;

import org.jspecify.annotations.NullMarked;
