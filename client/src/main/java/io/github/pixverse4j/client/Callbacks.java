package io.github.pixverse4j.client;

import io.github.pixverse4j.client.internal.CallbackHub;
import io.github.pixverse4j.client.provider.RecentKeys;
import io.github.pixverse4j.client.provider.WebhookRejectedException;
import io.github.pixverse4j.client.provider.WebhookVerifier;
import io.github.pixverse4j.client.webhook.WebhookEvent;
import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link WebhookHandler} of a {@link VideoClient}: verify, drop duplicates, deliver. */
final class Callbacks implements WebhookHandler {
  private static final Logger LOG = Logger.getLogger(Callbacks.class.getName());

  /** How many event keys the duplicate filter keeps. */
  static final int EVENT_KEYS = 10_000;

  /**
   * How long an event key is kept: PixVerse resends a callback for about 5 h 20 min (+2 s to +4 h),
   * so a day covers every resend.
   */
  static final long EVENT_KEY_MILLIS = TimeUnit.DAYS.toMillis(1);

  private final WebhookVerifier verifier;
  private final CallbackHub hub;
  private final Scheduler scheduler;
  private final RecentKeys events = new RecentKeys(EVENT_KEYS, EVENT_KEY_MILLIS);
  private final List<Consumer<WebhookEvent>> listeners = new CopyOnWriteArrayList<>();

  /** Records the end of a task no stream follows; null without a journal. */
  private volatile Journaling journaling;

  Callbacks(WebhookVerifier verifier, CallbackHub hub, Scheduler scheduler) {
    this.verifier = verifier;
    this.hub = hub;
    this.scheduler = scheduler;
  }

  /** Records unwatched ends in {@code journaling}'s journal (the client's latest journal). */
  void journal(Journaling journaling) {
    if (journaling != null) this.journaling = journaling;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    if (request == null) throw new NullPointerException("request == null");
    long now = scheduler.now(TimeUnit.MILLISECONDS);
    Optional<WebhookEvent> verified;
    try {
      verified = verifier.verify(request, now);
    } catch (WebhookRejectedException e) {
      LOG.log(Level.FINE, "Refused callback {0}: {1}", new Object[] {request, e.getMessage()});
      return WebhookResponse.of(e.httpStatus(), e.getMessage());
    }
    WebhookResponse ok = WebhookResponse.of(200, verifier.acknowledgement());
    if (!verified.isPresent()) return ok;
    WebhookEvent event = verified.get();
    if (!events.add(event.key(), now)) return ok; // a resend of an event already handled
    if (LOG.isLoggable(Level.FINE)) {
      LOG.log(
          Level.FINE,
          "Callback {0} ({1})",
          new Object[] {event, event.variant().orElse("the one documented form")});
    }
    if (!event.isTerminal()) return ok;
    int watched = hub.deliver(event.handle(), event.status().orElse(null));
    Journaling j = journaling;
    if (watched == 0 && j != null) j.callbackEnd(event);
    for (Consumer<WebhookEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A webhook listener failed on " + event, e);
      }
    }
    return ok;
  }

  @Override
  public Disposable addListener(Consumer<WebhookEvent> listener) {
    if (listener == null) throw new NullPointerException("listener == null");
    listeners.add(listener);
    return Disposable.fromRunnable(() -> listeners.remove(listener));
  }
}
