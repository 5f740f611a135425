package io.github.pixverse4j.webhook.server.recipe;

import io.github.pixverse4j.client.webhook.WebhookHandler;
import io.github.pixverse4j.client.webhook.WebhookRequest;
import io.github.pixverse4j.client.webhook.WebhookResponse;
// With the servlet API: javax.servlet.http.* or jakarta.servlet.http.* (same methods).
import io.github.pixverse4j.webhook.server.recipe.servlet.HttpServletRequest;
import io.github.pixverse4j.webhook.server.recipe.servlet.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands a servlet request to a pixverse4j {@link WebhookHandler} and writes its answer. Call it
 * from a servlet's {@code doPost(req, resp)}, or from a Spring controller method that takes the
 * request and response: {@code @PostMapping("/hooks/pixverse") void hook(HttpServletRequest req,
 * HttpServletResponse resp)}.
 */
public final class CallbackServlet {
  /** Callbacks are a few hundred bytes; refuse anything much larger before reading it. */
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final WebhookHandler handler;

  public CallbackServlet(WebhookHandler handler) { // client.webhookHandler()
    this.handler = handler;
  }

  public void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    WebhookResponse answer;
    byte[] body = req.getContentLengthLong() > MAX_BODY_BYTES ? null : read(req.getInputStream());
    if (body == null) {
      answer = WebhookResponse.of(413, "body too large");
    } else {
      // The raw body and the query as received: signatures cover them, a v3 token is in the query.
      String target =
          req.getRequestURI() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String name : Collections.list(req.getHeaderNames())) {
        headers.put(name, Collections.list(req.getHeaders(name)));
      }
      answer = handler.handle(WebhookRequest.of(target, headers, body));
    }
    resp.setStatus(answer.status());
    resp.setContentType(answer.contentType());
    resp.getWriter().write(answer.body()); // PixVerse expects exactly "ok"
  }

  /** The body, or null past {@link #MAX_BODY_BYTES}. */
  private static byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      if (out.size() + n > MAX_BODY_BYTES) return null;
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
