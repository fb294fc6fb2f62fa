/** Implementation detail of the AWX client: TLS, error bodies, redaction. Not API. */
@NullMarked
package dev.conduit.awx.internal;

import org.jspecify.annotations.NullMarked;
