package io.github.pixverse4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

abstract class SimulatorTestBase {
  static final String KEY = "sk-test-0123456789";
  static final ObjectMapper MAPPER = new ObjectMapper();

  EchoSimulator sim;
  final Http http = new Http();

  @BeforeEach
  void startSimulator() {
    sim = new EchoSimulator(KEY).start();
  }

  @AfterEach
  void closeSimulator() {
    sim.close();
  }

  String[] auth() {
    return Http.bearer(KEY);
  }

  HttpResponse<byte[]> postSubmit(String body) throws IOException, InterruptedException {
    return http.post(sim.baseUrl() + "/jobs", body, auth());
  }

  String submit() throws IOException, InterruptedException {
    HttpResponse<byte[]> response = postSubmit("{\"prompt\":\"a cat\"}");
    assertThat(response.statusCode()).as(Http.utf8(response)).isEqualTo(201);
    return json(response).get("id").asText();
  }

  JsonNode status(String id) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.get(sim.baseUrl() + "/jobs/" + id, auth());
    assertThat(response.statusCode()).as(Http.utf8(response)).isEqualTo(200);
    return json(response);
  }

  static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return MAPPER.readTree(response.body());
  }
}
