/**
 * GMI Cloud's request queue for PixVerse V6 image-to-video: start with {@link
 * io.github.pixverse4j.gmi.GmiCloud#builder()}; prices are in {@link
 * io.github.pixverse4j.gmi.GmiPricing}.
 */
@NullMarked
package io.github.pixverse4j.gmi;

import org.jspecify.annotations.NullMarked;
