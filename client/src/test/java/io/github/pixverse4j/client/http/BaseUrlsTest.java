package io.github.pixverse4j.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseUrlsTest {
  @Test
  @DisplayName("an https URL is accepted and gets the trailing slash Retrofit needs")
  void httpsWithTrailingSlash() {
    assertThat(BaseUrls.require("https://api.example.com").toString())
        .isEqualTo("https://api.example.com/");
    assertThat(BaseUrls.require("https://api.example.com/model/v1").toString())
        .isEqualTo("https://api.example.com/model/v1/");
    assertThat(BaseUrls.require("https://api.example.com/model/").toString())
        .isEqualTo("https://api.example.com/model/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080",
        "http://LOCALHOST/api",
        "http://127.0.0.1:1234/",
        "http://127.200.3.4",
        "http://[::1]:9000/x"
      })
  @DisplayName("plain http is accepted for loopback hosts")
  void loopbackHttp(String url) {
    assertThat(BaseUrls.require(url).scheme()).isEqualTo("http");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "http://128.0.0.1",
        "http://localhost.example.com",
        "http://127.0.0.1.nip.io",
        "http://10.0.0.1/api"
      })
  @DisplayName("plain http to any other host is refused, saying HTTPS is required and why")
  void remoteHttpRefused(String url) {
    assertThatThrownBy(() -> BaseUrls.require(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use HTTPS")
        .hasMessageContaining("API key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://example.com", "example.com", "not a url", "file:///etc/passwd", ""})
  @DisplayName("something that is not an http(s) URL is refused")
  void notHttp(String url) {
    assertThatThrownBy(() -> BaseUrls.require(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http(s)");
  }

  @Test
  @DisplayName("user info is refused without echoing the password")
  void userInfoRefused() {
    assertThatThrownBy(() -> BaseUrls.require("https://me:hunter2@api.example.com/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }

  @Test
  @DisplayName("a query is refused without echoing it")
  void queryRefused() {
    assertThatThrownBy(() -> BaseUrls.require("https://api.example.com/?key=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  @Test
  @DisplayName("isLoopback recognises literals only")
  void isLoopback() {
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://127.0.0.1/"))).isTrue();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://127.255.255.254/"))).isTrue();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://localhost/"))).isTrue();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://[::1]/"))).isTrue();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://[::2]/"))).isFalse();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("http://127.example.com/"))).isFalse();
    assertThat(BaseUrls.isLoopback(HttpUrl.get("https://example.com/"))).isFalse();
  }
}
