/** Named AWX environments: configuration from a JSON file and from {@code AWX_*} variables, and their clients. */
@NullMarked
package dev.conduit.awx.env;

import org.jspecify.annotations.NullMarked;
