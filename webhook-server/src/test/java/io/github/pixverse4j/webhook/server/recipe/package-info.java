/** The servlet and Spring recipe of {@code docs/webhooks.md}, compiled against stand-ins. */
@NullMarked
package io.github.pixverse4j.webhook.server.recipe;

import org.jspecify.annotations.NullMarked;
