/**
 * The v3 async wire protocol: the Retrofit interface and the JSON types, with the provider's exact
 * field names. Not public API: may change in any release.
 */
@io.github.pixverse4j.client.provider.WireStyle
@NullMarked
package io.github.pixverse4j.v3async.internal;

import org.jspecify.annotations.NullMarked;
