@NullMarked
package io.github.pixverse4j.client.internal;

import org.jspecify.annotations.NullMarked;
