package dev.conduit.awx.simulator;

/** What the simulator holds when it starts: nothing but the admin user, or the small demo estate the README lists. */
public final class SeedData {

  private static final SeedData EMPTY = new SeedData(false);
  private static final SeedData DEMO = new SeedData(true);

  private final boolean demo;

  private SeedData(boolean demo) {
    this.demo = demo;
  }

  /** Only the configured users; every list is empty. */
  public static SeedData empty() {
    return EMPTY;
  }

  /**
   * A small realistic estate: an organization, an inventory of five hosts in groups, a git project with playbooks,
   * job templates (one with a survey, one that prompts on launch, one that fails), a workflow with an approval node,
   * a schedule, a notification template and a few finished jobs with output.
   */
  public static SeedData demo() {
    return DEMO;
  }

  /** Whether this seed loads the demo estate. */
  public boolean includesDemoEstate() {
    return demo;
  }

  @Override
  public String toString() {
    return demo ? "SeedData.demo()" : "SeedData.empty()";
  }
}
