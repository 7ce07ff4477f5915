package org.targetwatch.simulator;

/**
 * What one planted account (or one ring of accounts) does on the platform. Each simulated
 * morning it plans that day's acts — and, for acts with consequences, their follow-ups — from the
 * platform as it stands.
 */
interface Behaviour {

  void planDay(int day, World world);
}
