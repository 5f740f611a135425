/**
 * The PixVerse platform API ({@code https://app-api.pixverse.ai}): image upload, image-to-video
 * generation and result polling. Start with {@link
 * io.github.pixverse4j.pixverse.PixVerse#builder()}.
 */
@NullMarked
package io.github.pixverse4j.pixverse;

import org.jspecify.annotations.NullMarked;
