/**
 * {@link io.github.pixverse4j.webhook.server.WebhookServer}: provider callbacks received on the
 * JDK's built-in HTTP server, for JVM services and examples. JVM only; on Android, or behind a
 * servlet container or Spring, hand requests to {@code VideoClient.webhookHandler()} yourself (see
 * {@code docs/webhooks.md}).
 */
@NullMarked
package io.github.pixverse4j.webhook.server;

import org.jspecify.annotations.NullMarked;
