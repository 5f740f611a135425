/** Not API: helpers the other pixverse4j modules share; may change in any release. */
@NullMarked
package io.github.pixverse4j.api.internal;

import org.jspecify.annotations.NullMarked;
