package org.targetwatch.intake;

import org.targetwatch.schema.internal.AccountMessage;

/**
 * An account message from the intake with where it goes: straight to the account processor when
 * this task owns the account, else through the account-events topic to the task that does.
 * Never serialised: it only travels between two nodes of one task.
 */
public record RoutedMessage(AccountMessage message, boolean ownedHere) {}
