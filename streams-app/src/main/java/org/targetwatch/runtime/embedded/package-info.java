/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * on loopback only: the Kafka behind the demo, the integration tests and the embedded default
 * ("run targetwatch with nothing installed").
 *
 * <p>It is the real server code from {@code kafka_2.13}, not a fake, so transactions
 * ({@code exactly_once_v2}), consumer groups and compaction behave as they do in production.
 * Nothing here is meant to face a network: listeners bind to 127.0.0.1 on ports the operating
 * system picks.
 */
package org.targetwatch.runtime.embedded;
