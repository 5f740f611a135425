/** Not API: helpers the other pixverse4j modules share; may change in any release. */
package io.github.pixverse4j.api.internal;
