@NullMarked
package io.github.pixverse4j.temporal;

import org.jspecify.annotations.NullMarked;
