package io.github.pixverse4j.webhook.server.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pixverse4j.client.webhook.WebhookResponse;
import io.github.pixverse4j.webhook.server.recipe.servlet.HttpServletRequest;
import io.github.pixverse4j.webhook.server.recipe.servlet.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The docs' servlet recipe hands over target, headers and raw body, and writes the answer. */
class CallbackServletTest {
  @Test
  @DisplayName("the recipe passes the query, headers and body through and writes the answer")
  void passesThrough() throws Exception {
    List<String> seen = new ArrayList<>();
    CallbackServlet servlet =
        new CallbackServlet(
            new io.github.pixverse4j.client.webhook.WebhookHandler() {
              @Override
              public WebhookResponse handle(io.github.pixverse4j.client.webhook.WebhookRequest r) {
                seen.add(
                    r.target()
                        + " "
                        + r.header("webhook-nonce").orElse("-")
                        + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
                return WebhookResponse.of(200, "ok");
              }

              @Override
              public io.reactivex.rxjava3.disposables.Disposable addListener(
                  java.util.function.Consumer<io.github.pixverse4j.client.webhook.WebhookEvent> l) {
                return io.reactivex.rxjava3.disposables.Disposable.empty();
              }
            });
    int[] status = new int[1];
    StringWriter written = new StringWriter();
    servlet.doPost(
        request("{\"id\":\"1\"}", 10),
        new HttpServletResponse() {
          @Override
          public void setStatus(int s) {
            status[0] = s;
          }

          @Override
          public void setContentType(String type) {}

          @Override
          public PrintWriter getWriter() {
            return new PrintWriter(written, true);
          }
        });
    assertThat(seen).containsExactly("/hooks/v3?pv4j_token=t n-1 {\"id\":\"1\"}");
    assertThat(status[0]).isEqualTo(200);
    assertThat(written.toString()).isEqualTo("ok");
  }

  private static HttpServletRequest request(String body, long length) {
    return new HttpServletRequest() {
      @Override
      public String getRequestURI() {
        return "/hooks/v3";
      }

      @Override
      public String getQueryString() {
        return "pv4j_token=t";
      }

      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.singletonList("Webhook-Nonce"));
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(Collections.singletonList("n-1"));
      }

      @Override
      public long getContentLengthLong() {
        return length;
      }

      @Override
      public InputStream getInputStream() {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
      }
    };
  }
}
