/**
 * The AWX / Ansible Automation Platform MCP server as a runnable application: stdio for desktop MCP hosts, Streamable
 * HTTP with header credentials, metrics and health for shared use, and a demo mode that serves an embedded AWX
 * simulator with sample data.
 */
@NullMarked
package dev.conduit.samples.awx;

import org.jspecify.annotations.NullMarked;
