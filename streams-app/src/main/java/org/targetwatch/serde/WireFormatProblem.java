package org.targetwatch.serde;

/** Why a record could not be (de)serialized; a short, stable name for dead-letter headers and metrics. */
public enum WireFormatProblem {
  TOO_SHORT(true),
  WRONG_MAGIC_BYTE(true),
  UNKNOWN_SCHEMA_ID(true),
  CORRUPT_PAYLOAD(true),
  INCOMPATIBLE_WRITER_SCHEMA(true),
  /** The record could not be encoded with its class's schema (e.g. a required field is null). */
  ENCODING_FAILED(true),
  /** The registry did not answer (timeout, refused, 5xx, auth): the record may be fine, so retry rather than dead-letter. */
  REGISTRY_UNAVAILABLE(false);

  private final boolean recordAtFault;

  WireFormatProblem(boolean recordAtFault) {
    this.recordAtFault = recordAtFault;
  }

  /** True when the bytes themselves are the problem, so dead-lettering the record is right. */
  public boolean recordAtFault() {
    return recordAtFault;
  }
}
