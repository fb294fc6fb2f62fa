/** Implementation detail of the environment registry: reading the JSON file and the variables. Not API. */
@NullMarked
package dev.conduit.awx.env.internal;

import org.jspecify.annotations.NullMarked;
