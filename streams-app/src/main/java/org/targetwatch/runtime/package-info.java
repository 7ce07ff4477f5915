/**
 * Running the detector as a service: the runner owning the {@code KafkaStreams} lifecycle
 * ({@link org.targetwatch.runtime.DetectorRuntime}), start-up checks of the topics, the
 * dead-letter handlers, metrics and the HTTP endpoint for health and Prometheus.
 */
package org.targetwatch.runtime;
