@NullMarked
package io.github.pixverse4j.androidcheck;

import org.jspecify.annotations.NullMarked;
