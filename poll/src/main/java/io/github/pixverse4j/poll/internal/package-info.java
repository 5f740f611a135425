/** Not API: the poll family's Retrofit calls, answer reading and error mapping. */
@NullMarked
package io.github.pixverse4j.poll.internal;

import org.jspecify.annotations.NullMarked;
