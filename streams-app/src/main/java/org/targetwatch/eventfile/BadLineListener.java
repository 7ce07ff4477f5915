package org.targetwatch.eventfile;

/** Told about every line a reader skips because it does not follow the file format. */
@FunctionalInterface
public interface BadLineListener {

  void onBadLine(BadLine badLine);
}
