package org.targetwatch.simulator;

import org.targetwatch.schema.FriendRequestEvent;
import org.targetwatch.schema.MessageEvent;
import org.targetwatch.schema.Profile;

/**
 * Not a test: prints the class mix, the event counts and the generation rate of a simulation
 * (default 20,000 accounts x 14 days). Arguments: [accounts] [days] [seed].
 */
public final class SimulationRateHarness {

  private SimulationRateHarness() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : SimulationConfig.DEFAULT_ACCOUNTS;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : SimulationConfig.DEFAULT_DAYS;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
    SimulationConfig config = SimulationConfig.defaults(seed).withAccounts(accounts).withDays(days);
    EventSink discard = new EventSink() {
      @Override
      public void profile(Profile p) {}

      @Override
      public void friendRequest(FriendRequestEvent e) {}

      @Override
      public void message(MessageEvent e) {}
    };
    long began = System.nanoTime();
    SimulationResult result = new PlatformSimulator().run(config, discard);
    double seconds = (System.nanoTime() - began) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.out.printf("accounts=%d days=%d seed=%d%n", accounts, days, seed);
    System.out.println("class mix: " + result.accountsPerClass());
    System.out.printf("profiles=%d friendRequests=%d %s messages=%d late=%d total=%d%n",
        result.profiles(), result.friendRequests(), result.friendRequestsByAction(),
        result.messages(), result.lateEvents(), result.totalEvents());
    System.out.printf("generated in %.2f s: %.0f events/s; heap used %d MB%n", seconds,
        result.totalEvents() / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
  }
}
