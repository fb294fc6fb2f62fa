package dev.conduit.awx.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulator with the demo estate on the controller prefix for each test, and an admin's view of it. */
abstract class DemoEstateTest {

  static final String V2 = "/api/controller/v2/";

  AwxSimulator awx;
  Api api;

  /** The simulator each test gets; a test class may tune it. */
  AwxSimulator.Builder simulator() {
    return AwxSimulator.builder().seed(SeedData.demo());
  }

  @BeforeEach
  void start() {
    awx = simulator().start();
    api = Api.admin(awx);
  }

  @AfterEach
  void stop() {
    awx.close();
  }
}
