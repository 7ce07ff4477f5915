/**
 * The JSON Lines event and alert files of {@code contract/event-files.md}: reading event files for
 * replay and evaluation, writing them for the simulator, writing and reading alert files. The
 * mapping between JSON and the Avro classes is written once, in {@link org.targetwatch.eventfile.JsonAvroMapping},
 * and follows the Avro schemas, so a field added to a schema is read and written without a change here.
 */
package org.targetwatch.eventfile;
