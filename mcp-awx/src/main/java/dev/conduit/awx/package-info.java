/** A plain Java client for the AWX / Ansible Automation Platform controller REST API; usable without MCP. */
@NullMarked
package dev.conduit.awx;

import org.jspecify.annotations.NullMarked;
