/**
 * The queue protocol family on the wire: the Retrofit interface, the JSON types with the provider's
 * exact field names, and the mapping to and from the public model. Not API: may change in any
 * release.
 */
@io.github.pixverse4j.client.provider.WireStyle
@NullMarked
package io.github.pixverse4j.queue.internal;

import org.jspecify.annotations.NullMarked;
