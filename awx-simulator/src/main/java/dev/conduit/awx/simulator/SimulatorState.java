package dev.conduit.awx.simulator;

import java.util.List;
import java.util.Optional;

/** Read access to what the simulator did and holds, so that a test can prove what a client sent or caused. */
public interface SimulatorState {

  /**
   * The requests received so far, oldest first, including those answered 401 or by an injected fault (the latest
   * 10,000: a simulator left running for a demo does not grow without bound).
   */
  List<RecordedRequest> requests();

  /**
   * How many requests matched a method and a path pattern.
   *
   * @param method an HTTP method such as {@code POST}
   * @param pathRegex a regular expression the whole request path must match, such as {@code .*&#47;jobs/\d+/cancel/}
   */
  long requestCount(String method, String pathRegex);

  /** How many jobs were created by launching or relaunching a job template (not counting seeded jobs). */
  int jobsLaunched();

  /** How many unified jobs of any kind exist now (jobs, project and inventory updates, workflow jobs, ...). */
  int unifiedJobCount();

  /** The status of a unified job by id ({@code pending}, {@code running}, {@code successful}, ...), if it exists. */
  Optional<String> jobStatus(int id);

  /**
   * Every status a unified job has had, oldest first, such as {@code [pending, waiting, running, successful]}; empty
   * for an id that never was a job. Polling can miss a short-lived status; this cannot.
   */
  List<String> statusHistory(int id);
}
