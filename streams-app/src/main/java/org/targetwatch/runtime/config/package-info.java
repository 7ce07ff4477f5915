/**
 * The runtime configuration of {@code run} and {@code demo}: every key with its type, default and
 * documentation in one place ({@link org.targetwatch.runtime.config.ConfigKeys}), the layers it is
 * read from (defaults, properties file, environment, command line) and the typed result the runtime
 * is built from ({@link org.targetwatch.runtime.config.TargetwatchConfig}).
 */
package org.targetwatch.runtime.config;
