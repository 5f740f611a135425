/**
 * WaveSpeedAI's prediction API for PixVerse V6 image-to-video: start with {@link
 * io.github.pixverse4j.wavespeed.WaveSpeed#builder()}.
 */
@NullMarked
package io.github.pixverse4j.wavespeed;

import org.jspecify.annotations.NullMarked;
