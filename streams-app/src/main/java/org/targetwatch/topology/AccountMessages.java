package org.targetwatch.topology;

import org.targetwatch.schema.internal.AccountMessage;

/**
 * The envelope of everything that travels between the account-keyed stages: a payload and, for what
 * is on its way to an account's windows, its number in that account's sequence
 * ({@code windows.SenderSequence}).
 */
public final class AccountMessages {
  /** Not in any account's sequence: applied as it comes (and what a version before sequences wrote). */
  public static final long UNSEQUENCED = -1L;

  private AccountMessages() {}

  /** A message outside the sequences: for the graph, or an input event on its way to its owner. */
  public static AccountMessage of(Object payload) {
    return new AccountMessage(payload, UNSEQUENCED);
  }

  /** A message numbered {@code sequence} in its account's sequence. */
  public static AccountMessage sequenced(Object payload, long sequence) {
    return new AccountMessage(payload, sequence);
  }
}
