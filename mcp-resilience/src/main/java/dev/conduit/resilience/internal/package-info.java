/** The interceptors behind {@link dev.conduit.resilience.McpResilience}; not for users to import. */
@NullMarked
package dev.conduit.resilience.internal;

import org.jspecify.annotations.NullMarked;
