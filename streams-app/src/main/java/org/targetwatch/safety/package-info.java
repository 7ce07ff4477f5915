/**
 * The safety loop (issue 17): what the people who act feed back. Blocks and reports by the accounts
 * a sender contacted are evidence at the sender's partition ({@link ProtectiveActions}, store
 * {@code safety-reports}); reviewers' verdicts stand for an account until they expire or are
 * withdrawn ({@link ReviewVerdicts}, store {@code review-verdicts}): a cleared account is not alerted
 * again on the evidence reviewed ({@link ClearedRule}), a confirmed one is marked, and its
 * co-targeting neighbours are linked to it in the campaign stage. docs/detection.md, "Reports and
 * blocks" and "Verdicts", gives the rules and why.
 */
package org.targetwatch.safety;
