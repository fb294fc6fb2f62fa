/** Implementation detail of the AWX tools: schemas, results, waiting, failure classification. Not API. */
@NullMarked
package dev.conduit.awx.tools.internal;

import org.jspecify.annotations.NullMarked;
