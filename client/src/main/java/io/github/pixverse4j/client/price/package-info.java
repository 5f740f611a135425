/**
 * Cost estimates before anything is sent: a provider's published prices and a user's own price
 * table are both a {@link io.github.pixverse4j.client.price.PriceTable}, matched against a {@link
 * io.github.pixverse4j.client.price.PriceQuery} (what a request would make) under {@link
 * io.github.pixverse4j.client.price.PriceSettings} (the user's table, the price of a credit). An
 * estimate is not a quote: docs/pricing.md.
 */
@NullMarked
package io.github.pixverse4j.client.price;

import org.jspecify.annotations.NullMarked;
