@NullMarked
package io.github.pixverse4j.testkit;

import org.jspecify.annotations.NullMarked;
