@NullMarked
package io.github.pixverse4j.benchmarks;

import org.jspecify.annotations.NullMarked;
