/**
 * The PixVerse platform wire protocol: the Retrofit interface, the JSON types with the API's exact
 * field names, the mapping to and from the public model, and the error mapping. Not API: may change
 * in any release.
 */
@io.github.pixverse4j.client.provider.WireStyle
@NullMarked
package io.github.pixverse4j.pixverse.internal;

import org.jspecify.annotations.NullMarked;
