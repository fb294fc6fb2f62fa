package dev.conduit.awx.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until the process is stopped:
 * {@code java -cp ... dev.conduit.awx.simulator.AwxSimulatorMain --port 8052 [--classic] [--empty] [--realistic]
 * [--user NAME:PASSWORD] [--token TOKEN]}.
 */
public final class AwxSimulatorMain {

  private AwxSimulatorMain() {}

  /** Parses the options, starts the simulator and waits. */
  public static void main(String[] args) throws InterruptedException {
    AwxSimulator.Builder builder = AwxSimulator.builder().port(8052).seed(SeedData.demo())
        .jobTiming(JobTiming.realistic());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
        case "--classic" -> builder.apiPrefix(ApiPrefix.CLASSIC);
        case "--empty" -> builder.seed(SeedData.empty());
        case "--fast" -> builder.jobTiming(JobTiming.fast());
        case "--realistic" -> builder.jobTiming(JobTiming.realistic());
        case "--user" -> {
          String[] pair = value(args, ++i).split(":", 2);
          if (pair.length != 2) {
            usage("--user needs NAME:PASSWORD");
          }
          builder.user(pair[0], pair[1]);
        }
        case "--token" -> builder.token(value(args, ++i));
        default -> usage("unknown option " + args[i]);
      }
    }
    AwxSimulator simulator = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "awx-simulator-shutdown"));
    System.out.println("AWX simulator listening: " + simulator.apiUrl());
    new CountDownLatch(1).await();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: AwxSimulatorMain [--port N] [--classic] [--empty] [--fast|--realistic] "
        + "[--user NAME:PASSWORD] [--token TOKEN]");
    System.exit(2);
  }
}
