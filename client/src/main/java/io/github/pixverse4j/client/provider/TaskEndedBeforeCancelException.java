package io.github.pixverse4j.client.provider;

/**
 * What a provider's {@link io.github.pixverse4j.client.VideoProvider#cancel} reports when the
 * provider answers that the task had already ended (OdiRouter's {@code ALREADY_COMPLETED}). The
 * engine then reads the task's final status and reports {@link
 * io.github.pixverse4j.api.TaskAlreadyEndedException} to the caller, so this type never reaches
 * users.
 */
public final class TaskEndedBeforeCancelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param providerSaid the provider's answer, already free of the key, for the message
   */
  public TaskEndedBeforeCancelException(String providerSaid) {
    super(providerSaid, null, false, false);
  }
}
