package org.targetwatch.registry;

/** The {@code error_code} values of the Confluent REST API that targetwatch produces or explains. */
public final class RegistryErrorCodes {
  public static final int UNAUTHORIZED = 401;
  public static final int NOT_FOUND = 404;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int STORE_ERROR = 50001;

  private RegistryErrorCodes() {}
}
