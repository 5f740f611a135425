/** Stand-ins for the servlet API's request and response, for the recipe. */
@NullMarked
package io.github.pixverse4j.webhook.server.recipe.servlet;

import org.jspecify.annotations.NullMarked;
