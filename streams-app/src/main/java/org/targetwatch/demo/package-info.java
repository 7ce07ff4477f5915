/**
 * The embedded demo: a real in-process Kafka broker and schema registry, the detector through the
 * production runner, the simulator's events through real Avro producers in accelerated event time,
 * alerts printed as they come, and a detection summary against the simulator's labels.
 */
package org.targetwatch.demo;
