package dev.conduit.awx.simulator;

/** Where the controller's API v2 is mounted, which is how a client tells AWX from an AAP 2.5+ platform gateway. */
public enum ApiPrefix {
  /** The AAP 2.5+ platform gateway: {@code /api/controller/v2/}; {@code /api/v2/} answers 404. */
  CONTROLLER("/api/controller/v2/"),
  /** AWX and AAP up to 2.4: {@code /api/v2/}; {@code /api/controller/v2/} answers 404. */
  CLASSIC("/api/v2/");

  private final String path;

  ApiPrefix(String path) {
    this.path = path;
  }

  /** The API root, with leading and trailing slash, such as {@code /api/v2/}. */
  public String path() {
    return path;
  }
}
