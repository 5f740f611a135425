/**
 * Provider callbacks (webhooks), framework-neutral: the application hands a {@link
 * io.github.pixverse4j.client.webhook.WebhookHandler} each callback's headers and raw body as a
 * {@link io.github.pixverse4j.client.webhook.WebhookRequest} and sends back the {@link
 * io.github.pixverse4j.client.webhook.WebhookResponse} it returns. A verified callback ends the
 * {@code generate}/{@code watch} stream of its task at once; polling stays on as a slow safety net
 * ({@code PollingPolicy.webhookSafetyNet()}). How each provider signs its callbacks, and what is
 * checked, is in {@code docs/webhooks.md}.
 */
@NullMarked
package io.github.pixverse4j.client.webhook;

import org.jspecify.annotations.NullMarked;
