package org.targetwatch.simulator;

/**
 * How recipients answer a kind of friend request: the chances of accepting and declining, of the
 * sender cancelling, and how long an answer takes (log-normal around a median). Whatever is left
 * is ignored: the request stays pending.
 */
record Response(double accept, double decline, double cancel, double medianMinutes) {

  Response {
    if (accept < 0 || decline < 0 || cancel < 0 || accept + decline + cancel > 1.0) {
      throw new IllegalArgumentException("response chances must be >= 0 and sum to <= 1");
    }
  }

  /** Friends of friends and people from one's own school, work or family. */
  static final Response ACQUAINTANCE = new Response(0.75, 0.06, 0.03, 180);
  /** Family accept almost always, quickly. */
  static final Response FAMILY = new Response(0.92, 0.02, 0.0, 90);
  /** A stranger of one's own age with a shared interest. */
  static final Response PEER_STRANGER = new Response(0.45, 0.15, 0.03, 240);
  /** A minor answering an unknown account: mostly declines or ignores. */
  static final Response MINOR_TO_STRANGER = new Response(0.14, 0.45, 0.0, 300);
  /** A request from an account that contacts everyone. */
  static final Response SPAM = new Response(0.07, 0.55, 0.0, 400);

  /** The same response with the accept chance replaced, the decline chance adjusted to fit. */
  Response withAccept(double newAccept) {
    double a = Math.min(1.0, Math.max(0.0, newAccept));
    return new Response(a, Math.min(decline, 1.0 - a - cancel), Math.min(cancel, 1.0 - a), medianMinutes);
  }
}
