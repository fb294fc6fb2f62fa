package dev.conduit.samples.awx;

import dev.conduit.awx.AwxAuth;
import dev.conduit.awx.env.AwxEnvironment;
import dev.conduit.awx.env.AwxEnvironments;
import dev.conduit.awx.simulator.AwxSimulator;
import dev.conduit.awx.simulator.JobTiming;
import dev.conduit.awx.simulator.SeedData;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Demo mode: the AWX simulator in this JVM, on a free loopback port, with its demo estate (job templates,
 * inventories, a workflow with an approval, ...), and one environment named {@value #ENVIRONMENT} pointing at it.
 */
public final class Demo implements AutoCloseable {

  /** The name of the demo environment. */
  public static final String ENVIRONMENT = "demo";

  /** The simulator's superuser. */
  public static final String USER = "admin";

  // Long enough that a launch visibly moves through pending, running and its events, short enough that a demo job
  // (about twenty steps) is done in two or three seconds.
  private static final JobTiming TIMING = new JobTiming(Duration.ofMillis(120));

  private final AwxSimulator simulator;
  private final AwxEnvironments environments;
  private final String password;

  private Demo(AwxSimulator simulator, AwxEnvironments environments, String password) {
    this.simulator = simulator;
    this.environments = environments;
    this.password = password;
  }

  /**
   * Starts the simulator and says on {@code log} where it runs and how to reach it.
   *
   * <p>The credentials are made up at each start: the simulator only listens on loopback, but nothing else on the
   * machine should guess them.
   */
  public static Demo start(PrintStream log) {
    SecureRandom random = new SecureRandom();
    String password = secret(random);
    String token = secret(random);
    AwxSimulator simulator = AwxSimulator.builder()
        .port(0)
        .user(USER, password)
        .token(token)
        .seed(SeedData.demo())
        .jobTiming(TIMING)
        .start();
    // The demo estate's organization is "Default", so the create tools need no organization argument.
    AwxEnvironment environment = new AwxEnvironment(ENVIRONMENT, simulator.url().toString(),
        simulator.apiPrefix().path(), AwxAuth.bearer(token), true, null, "Default", List.of(), List.of());
    Demo demo = new Demo(simulator, AwxEnvironments.of(List.of(environment), ENVIRONMENT), password);
    log.printf("Demo mode: an AWX simulator with sample data runs in this process at %s%n"
            + "  environment '%s' points at it; try job_templates_list, then job_launch with job_template_id 3,%n"
            + "  job_wait and job_stdout. Its web API: user %s, password %s (until this process ends).%n",
        simulator.apiUrl(), ENVIRONMENT, USER, password);
    return demo;
  }

  /** The one environment, {@value #ENVIRONMENT}, with the simulator's token. */
  public AwxEnvironments environments() {
    return environments;
  }

  /** The simulator's superuser password (made up at start). */
  public String password() {
    return password;
  }

  /** Stops the clients' pools and the simulator. */
  @Override
  public void close() {
    environments.close();
    simulator.close();
  }

  private static String secret(SecureRandom random) {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
