@NullMarked
package io.github.pixverse4j.client;

import org.jspecify.annotations.NullMarked;
