@NullMarked
package io.github.pixverse4j.fake;

import org.jspecify.annotations.NullMarked;
