/**
 * The schema registry, as targetwatch speaks it: the Confluent REST subset (register a schema, look
 * one up, fetch one by id) over HTTP with auth and TLS, client-side caches so the hot path never
 * calls HTTP, an in-memory registry for {@code mock://scope} URLs, and an embedded registry server
 * on loopback for the demo and the tests.
 *
 * <p>Confluent's own client jars are not obtainable here, so this package implements the protocol
 * itself; see {@code /work/shared/notes/registry.md}.
 */
package org.targetwatch.registry;
