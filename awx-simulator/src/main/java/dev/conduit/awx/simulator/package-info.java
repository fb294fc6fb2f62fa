/**
 * A stateful fake AWX / Ansible Automation Platform controller over real HTTP, for tests and demos: start one with
 * {@link dev.conduit.awx.simulator.AwxSimulator#builder()}.
 */
@NullMarked
package dev.conduit.awx.simulator;

import org.jspecify.annotations.NullMarked;
