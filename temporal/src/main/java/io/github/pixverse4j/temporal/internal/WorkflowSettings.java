package io.github.pixverse4j.temporal.internal;

import io.github.pixverse4j.client.PollingPolicy;
import java.time.Duration;

/** The worker-wide settings the workflow plans with; equal on every worker of a task queue. */
public final class WorkflowSettings {
  final PollingPolicy policy;
  final Duration submitTimeout;
  final Duration statusTimeout;
  final Duration downloadTimeout;

  public WorkflowSettings(
      PollingPolicy policy,
      Duration submitTimeout,
      Duration statusTimeout,
      Duration downloadTimeout) {
    this.policy = policy;
    this.submitTimeout = submitTimeout;
    this.statusTimeout = statusTimeout;
    this.downloadTimeout = downloadTimeout;
  }

  public PollingPolicy policy() {
    return policy;
  }
}
