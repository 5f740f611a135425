package io.github.pixverse4j.reliability.matrix;

/** A step of one video's life where a fault can hit; the simulator endpoint it is injected on. */
enum Phase {
  UPLOAD("upload", "upload"),
  SUBMIT("submit", "submit"),
  STATUS("status", "status"),
  RESULT("result", "result"),
  CANCEL("cancel", "cancel"),
  DOWNLOAD("download", "media");

  final String label;

  /** The simulator endpoint name (and the name {@link Wire} records attempts under). */
  final String endpoint;

  Phase(String label, String endpoint) {
    this.label = label;
    this.endpoint = endpoint;
  }

  /** Whether a task (and so a handle) exists when this phase runs. */
  boolean afterSubmit() {
    return this == STATUS || this == RESULT || this == CANCEL;
  }
}
