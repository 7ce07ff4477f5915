package org.targetwatch.simulator;

/**
 * What everybody real does every day, planted accounts included: chat with friends (messages go
 * back and forth in conversations), now and then send a friend request to a friend of a friend, a
 * member of their own school, workplace or interest group, or occasionally a stranger of their
 * own age, and rarely end a friendship. Adults do not go looking for children they do not know
 * (in a randomized world some adults now and then add a minor met in a group or through friends,
 * and teens add popular strangers more than others).
 */
final class OrdinaryLife {
  private final boolean[] livesOrdinaryLife;
  private final boolean[] sendsRequests;

  OrdinaryLife(boolean[] livesOrdinaryLife, boolean[] sendsRequests) {
    this.livesOrdinaryLife = livesOrdinaryLife.clone();
    this.sendsRequests = sendsRequests.clone();
  }

  void planDay(int day, World w) {
    long morning = w.dayStart(day);
    for (int i = 0; i < w.population.size; i++) {
      if (!livesOrdinaryLife[i] || !w.active(i, morning)) {
        continue;
      }
      boolean minor = w.population.isMinor(i);
      Rhythm rhythm = minor ? Rhythm.TEEN : Rhythm.ADULT;
      int degree = w.graph.degree(i);
      if (degree > 0 && w.chance(minor ? 0.55 : 0.4)) {
        int conversations = 1;
        while (conversations < Math.min(6, degree) && w.chance(0.45)) {
          conversations++;
        }
        for (int c = 0; c < conversations; c++) {
          int friend = w.graph.friend(i, w.rng.nextInt(degree));
          w.conversation(w.timeOn(day, rhythm), i, friend, w.between(1, 10), 0.75, true);
        }
      }
      if (sendsRequests[i] && w.chance(minor ? w.platform.minorRequestRate() : w.platform.adultRequestRate())) {
        int requests = w.chance(0.2) ? 2 : 1;
        for (int r = 0; r < requests; r++) {
          long at = w.timeOn(day, rhythm);
          requestSomeone(i, at, w);
        }
      }
      if (degree > 0 && w.chance(0.002)) {
        w.remove(w.timeOn(day, rhythm), i, w.graph.friend(i, w.rng.nextInt(degree)));
      }
    }
  }

  private void requestSomeone(int i, long at, World w) {
    double r = w.rng.nextDouble();
    if (r < w.platform.ordinaryFriendOfFriendBelow()) {
      int target = friendOfFriend(i, at, w);
      if (target >= 0) {
        w.request(at, i, target, Response.ACQUAINTANCE);
      }
    } else if (r < w.platform.ordinaryCommunityBelow()) {
      int target = communityMember(i, at, w);
      if (target >= 0) {
        w.request(at, i, target, Response.ACQUAINTANCE);
      }
    } else {
      int target = strangerOfOwnAgeGroup(i, at, w);
      if (target >= 0) {
        w.request(at, i, target, Response.PEER_STRANGER);
      }
    }
  }

  private int friendOfFriend(int i, long at, World w) {
    int degree = w.graph.degree(i);
    for (int attempt = 0; attempt < 5 && degree > 0; attempt++) {
      int friend = w.graph.friend(i, w.rng.nextInt(degree));
      int fd = w.graph.degree(friend);
      if (fd == 0) {
        continue;
      }
      int candidate = w.graph.friend(friend, w.rng.nextInt(fd));
      if (fits(i, candidate, at, w)) {
        return candidate;
      }
    }
    return -1;
  }

  private int communityMember(int i, long at, World w) {
    Population p = w.population;
    int community;
    if (p.isMinor(i)) {
      double r = w.rng.nextDouble();
      community = r < 0.5 ? p.grade[i] : r < 0.8 || p.interests[i].length == 0 ? p.school[i]
          : p.interests[i][w.rng.nextInt(p.interests[i].length)];
    } else {
      community = w.chance(0.6) || p.interests[i].length == 0 ? p.workplace[i]
          : p.interests[i][w.rng.nextInt(p.interests[i].length)];
    }
    if (community < 0) {
      return -1;
    }
    int[] members = p.community(community).members();
    for (int attempt = 0; attempt < 5; attempt++) {
      int candidate = members[w.rng.nextInt(members.length)];
      if (fits(i, candidate, at, w)) {
        return candidate;
      }
    }
    return -1;
  }

  private int strangerOfOwnAgeGroup(int i, long at, World w) {
    double lean = w.platform.ordinaryStrangerPopularLean();
    if (lean > 0 && w.population.isMinor(i) && w.chance(lean)) {
      // teens add popular strangers of their age more than others
      return w.minors.pick(w.rng, 1.0, m -> fits(i, m, at, w));
    }
    for (int attempt = 0; attempt < 10; attempt++) {
      int candidate = w.rng.nextInt(w.population.size);
      if (w.population.isMinor(candidate) == w.population.isMinor(i) && fits(i, candidate, at, w)) {
        return candidate;
      }
    }
    return -1;
  }

  /** A sensible request: a real, existing non-friend; an adult only asks a minor of the family. */
  private static boolean fits(int i, int candidate, long at, World w) {
    Population p = w.population;
    if (candidate == i || !w.reachable(candidate, at) || w.graph.areFriends(i, candidate)) {
      return false;
    }
    if (!p.isMinor(i) && p.isMinor(candidate)) {
      double outsideFamily = w.platform.adultAddsMinorChance();
      return p.family[i] >= 0 && p.family[i] == p.family[candidate]
          || outsideFamily > 0 && w.chance(outsideFamily);
    }
    if (p.isMinor(i) && !p.isMinor(candidate)) {
      // teens do add the odd adult (a coach, an older cousin), but seldom
      return w.chance(0.2);
    }
    return true;
  }
}
