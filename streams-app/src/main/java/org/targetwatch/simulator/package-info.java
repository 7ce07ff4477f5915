/**
 * The {@code simulate} engine: a synthetic social platform that produces profiles, friend requests
 * and messages together with ground-truth labels, to evaluate the detector per behaviour class and
 * to feed the demo (DESIGN.md, "Ways to run it").
 *
 * <p>The platform has communities (schools with grades, school staff, workplaces, extended
 * families, interest groups), age bands per community, a heavy-tailed friendship graph with
 * triadic closure loaded by {@code ACCEPTED} events dated before the start, ordinary daily life
 * (requests to friends of friends and community members, conversations between friends), the
 * offender tactics and the benign look-alikes of DESIGN.md, each planted on labelled accounts.
 *
 * <p>The platform's shape and the planted accounts' strengths are those of one fixed world
 * ({@link org.targetwatch.simulator.WorldParameters#fixed()}) or of a world drawn from the seed
 * ({@link org.targetwatch.simulator.RandomizedWorld}), where each planted account draws its own
 * parameters ({@link org.targetwatch.simulator.BehaviourParameter}) within the world's ranges;
 * {@link org.targetwatch.simulator.LabelsFile} writes the ground truth (docs/simulator.md).
 *
 * <p>Entry point: {@link org.targetwatch.simulator.PlatformSimulator#run}. The behaviours are
 * modelled from what the accounts do, never from what the detector computes. Everything is drawn
 * from one explicitly seeded random source and iterated in index order, so a seed fixes the event
 * sequence.
 *
 * <p>{@link org.targetwatch.simulator.SimulatedReviewer} closes the safety loop after a replay: a
 * safety team turning each account's first MEDIUM+ alert into a {@code review_verdict} (command
 * {@code review}; docs/simulator.md, "The simulated reviewer").
 */
package org.targetwatch.simulator;
