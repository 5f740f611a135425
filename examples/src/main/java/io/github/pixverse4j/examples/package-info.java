/** The README's quick start as a program, run by its test against the PixVerse simulator. */
@NullMarked
package io.github.pixverse4j.examples;

import org.jspecify.annotations.NullMarked;
