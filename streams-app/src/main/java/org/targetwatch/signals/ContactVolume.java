package org.targetwatch.signals;

/**
 * How much a sender contacts beyond the window being scored, which says whether its contact is a
 * broadcast rather than a choice whichever window is scored (docs/detection.md, "Evidence").
 *
 * @param accountsInLongWindow distinct accounts it contacted over the long window
 * @param othersInADay distinct accounts other than known minors it contacted over the burst window
 *     (a day): someone choosing minors does not also approach dozens of adults a day
 * @param accountsInBusiestHour distinct accounts, of any age, it first contacted in the busiest
 *     bucket of the burst window (an hour): a broadcast goes through dozens in one sitting
 */
public record ContactVolume(int accountsInLongWindow, int othersInADay, int accountsInBusiestHour) {
  /** Nothing known beyond the window scored. */
  public static final ContactVolume NONE = new ContactVolume(0, 0, 0);
}
