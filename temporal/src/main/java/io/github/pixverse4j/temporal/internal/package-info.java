@NullMarked
package io.github.pixverse4j.temporal.internal;

import org.jspecify.annotations.NullMarked;
