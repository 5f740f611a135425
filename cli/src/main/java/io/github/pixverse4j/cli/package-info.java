@NullMarked
package io.github.pixverse4j.cli;

import org.jspecify.annotations.NullMarked;
