/**
 * GMI Cloud wire protocol: the Retrofit interface, the JSON types with GMI's own field names, and
 * the mapping to and from the public model. Not API: it may change in any release.
 */
@io.github.pixverse4j.client.provider.WireStyle
@NullMarked
package io.github.pixverse4j.gmi.internal;

import org.jspecify.annotations.NullMarked;
