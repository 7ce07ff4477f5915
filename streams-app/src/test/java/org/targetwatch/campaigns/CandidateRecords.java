package org.targetwatch.campaigns;

import java.util.Collections;
import java.util.List;
import org.targetwatch.schema.internal.CampaignCandidate;

/** Campaign candidates for tests: young accounts whose minors are all popular strangers. */
final class CandidateRecords {
  private CandidateRecords() {}

  static CampaignCandidate candidate(String sender, long at, String eventId, boolean young, double score, List<String> minors) {
    return CampaignCandidate.newBuilder()
        .setSenderId(sender)
        .setAt(at)
        .setEventId(eventId)
        .setYoung(young)
        .setScore(score)
        .setMinorTargets(minors)
        .setMinorTargetPercentiles(Collections.nCopies(minors.size(), 0.85))
        .setMinorTargetStrangers(Collections.nCopies(minors.size(), true))
        .setAccountAgeDays(3.0)
        .setSenderDegree(2)
        .build();
  }
}
