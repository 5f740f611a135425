/**
 * The "v3 async" task API of highwayapi (PixVerse V6) and myrouter (PixVerse V4.5): start with
 * {@link io.github.pixverse4j.v3async.V3Async}.
 */
@NullMarked
package io.github.pixverse4j.v3async;

import org.jspecify.annotations.NullMarked;
