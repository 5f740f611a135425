/**
 * Many videos from one stream of items: {@link io.github.pixverse4j.client.batch.BatchRunner} runs
 * them through one {@link io.github.pixverse4j.client.VideoClient} with a bounded number of tasks
 * in flight at the provider, adapts that number to the provider's concurrency and rate limits,
 * keeps to a budget, and resumes from the client's task journal after a crash without a second job
 * for any item. See {@code docs/batch.md}.
 */
@NullMarked
package io.github.pixverse4j.client.batch;

import org.jspecify.annotations.NullMarked;
