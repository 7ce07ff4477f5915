/** {@code replay}: an event file through the production topology, in event time, into an alert file. */
package org.targetwatch.replay;
