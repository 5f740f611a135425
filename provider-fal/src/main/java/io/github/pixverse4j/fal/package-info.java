/**
 * fal.ai's queue API for PixVerse V6 image-to-video: start with {@link
 * io.github.pixverse4j.fal.Fal#builder()}.
 */
@NullMarked
package io.github.pixverse4j.fal;

import org.jspecify.annotations.NullMarked;
