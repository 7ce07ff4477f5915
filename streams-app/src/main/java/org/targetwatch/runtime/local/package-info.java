/**
 * {@code local-cluster}: the in-process KRaft broker and schema registry as one standalone process,
 * keeping topics, offsets and schemas in a data directory across restarts, so that {@code run} can
 * be rehearsed on a laptop without Docker (README, "Commands").
 */
package org.targetwatch.runtime.local;
