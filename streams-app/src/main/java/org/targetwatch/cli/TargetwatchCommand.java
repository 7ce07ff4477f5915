package org.targetwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: one sub-command per way to run targetwatch (DESIGN.md, "Ways to run it"). */
@Command(
    name = "targetwatch",
    mixinStandardHelpOptions = true,
    version = "targetwatch 0.1.0",
    description = "Detects accounts that mass-contact minor profiles with a preference for high-degree minors.",
    subcommands = {RunCommand.class, DemoCommand.class, SimulateCommand.class, ReplayCommand.class, ReviewCommand.class, DescribeCommand.class, EvaluateCommand.class, ProduceCommand.class, LocalClusterCommand.class,
        CampaignGraphCommand.class, CommandLine.HelpCommand.class})
public final class TargetwatchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    // Avro 1.12 instantiates only trusted generated classes; ours live in one package
    if (System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES") == null) {
      System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.targetwatch.schema");
    }
    // the JDK's HTTP server reads this once, when the JVM's first server starts (in the demo, the
    // embedded registry's): small responses (console lookups, events) then do not wait for a delayed ACK
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code, so tests can call it without exiting. */
  public static int execute(String... args) {
    return new CommandLine(new TargetwatchCommand()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
