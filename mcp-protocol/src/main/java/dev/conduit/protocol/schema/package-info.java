/**
 * The MCP schema: immutable records for every type of every revision from 2024-11-05 to 2026-07-28.
 *
 * <p>Types are named as in the specification's {@code schema.json} ({@code CallToolRequestParams},
 * {@code CallToolResult}, ...), so that each record can be checked against its definition there. A record holds the
 * union of the fields its type has had across revisions; fields a revision lacks are {@code null}. Every record keeps
 * the fields it does not know in {@code additionalFields} and its {@code _meta} in {@link
 * dev.conduit.protocol.schema.Meta}, so both survive a decode and re-encode.
 */
@NullMarked
package dev.conduit.protocol.schema;

import org.jspecify.annotations.NullMarked;
