package io.github.pixverse4j.client.webhook;

import io.reactivex.rxjava3.disposables.Disposable;
import java.util.function.Consumer;

/**
 * Receives a provider's callbacks for one {@link io.github.pixverse4j.client.VideoClient} ({@code
 * client.webhookHandler()}). Mount it on any HTTP server: hand it the request, send back what it
 * returns. Thread-safe; it never blocks on the network.
 *
 * <p>For each callback it: verifies it the provider's way (a signature, or a secret token in the
 * URL), refusing it unchanged when that fails (4xx, nothing else happens); parses the task's
 * status; drops a duplicate of an event already handled (the answer is still the success answer, so
 * the provider stops resending); ends a {@code generate}/{@code watch} stream following that task
 * at once (reading the task's status first when the callback lacks the video), or, when no stream
 * follows it, records its end in the client's journal when the journal holds the task; tells the
 * {@linkplain #addListener listeners}. Callbacks of states that are not terminal are acknowledged
 * and ignored.
 */
public interface WebhookHandler {
  /**
   * Handles one callback.
   *
   * @return what to answer: 200 with the provider's success body, or 4xx with a few words
   */
  WebhookResponse handle(WebhookRequest request);

  /**
   * Tells {@code listener} of every verified callback that reports a task's end, once per event, on
   * the thread that called {@link #handle} and before it returns (keep it short: a Temporal signal,
   * a queue message). A listener that throws is logged and does not change the answer.
   *
   * @return disposing it removes the listener
   */
  Disposable addListener(Consumer<WebhookEvent> listener);
}
