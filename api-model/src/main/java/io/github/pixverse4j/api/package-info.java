/**
 * The public, immutable model of pixverse4j: what you ask for ({@link
 * io.github.pixverse4j.api.ImageToVideoRequest}), what you get back ({@link
 * io.github.pixverse4j.api.TaskStatus}, {@link io.github.pixverse4j.api.Video}), how to find a task
 * again ({@link io.github.pixverse4j.api.TaskHandle}) and what can go wrong ({@link
 * io.github.pixverse4j.api.VideoApiException}). No HTTP and no RxJava here.
 */
@PixStyle
@NullMarked
package io.github.pixverse4j.api;

import org.jspecify.annotations.NullMarked;
