@NullMarked
package io.github.pixverse4j.client.journal;

import org.jspecify.annotations.NullMarked;
