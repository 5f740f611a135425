/**
 * The OdiRouter queue API, which runs PixVerse V6 image-to-video: start with {@link
 * io.github.pixverse4j.odirouter.OdiRouter#builder()}.
 */
@NullMarked
package io.github.pixverse4j.odirouter;

import org.jspecify.annotations.NullMarked;
