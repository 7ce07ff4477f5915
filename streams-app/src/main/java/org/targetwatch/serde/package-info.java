/**
 * Contract serdes: the event and alert records as Avro in the Confluent wire format (magic byte 0,
 * the 4-byte big-endian schema id, then Avro binary written with the writer's schema), with the
 * schema ids from a schema registry ({@link org.targetwatch.registry}). Reading resolves the
 * writer's schema against the generated class's schema, so producers may evolve compatibly.
 *
 * <p>Records that cannot be read fail with a {@link org.targetwatch.serde.WireFormatException}
 * whose one-line message and {@link org.targetwatch.serde.WireFormatProblem} go into the
 * dead-letter headers.
 */
package org.targetwatch.serde;
