package io.github.pixverse4j.reliability.matrix;

import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.odirouter.OdiRouter;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.simulator.Fault;
import io.github.pixverse4j.simulator.GmiSimulator;
import io.github.pixverse4j.simulator.OdiRouterSimulator;
import io.github.pixverse4j.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.simulator.V3AsyncSimulator;
import io.github.pixverse4j.v3async.V3Async;
import java.util.EnumSet;
import java.util.Set;
import okhttp3.Request;

/** The five built-in provider set-ups, each with its simulator and its own error dialect. */
enum MatrixProvider {
  ODIROUTER("odirouter", EnumSet.of(Phase.SUBMIT, Phase.STATUS, Phase.RESULT, Phase.CANCEL, Phase.DOWNLOAD)) {
    @Override ProviderSimulator startSimulator(String key) {
      return new OdiRouterSimulator(key).start();
    }

    @Override ClientBuilder<?> builder() {
      return OdiRouter.builder();
    }

    @Override Fault insufficientCredits() {
      // OdiRouter's shared error table: 402 is the credits answer (fal-style detail text).
      return Fault.status(402, "{\"detail\":\"Insufficient balance: top up your account to continue\"}");
    }

    @Override String unknownStatusBody() {
      return "{\"status\":\"TELEPORTING\",\"request_id\":\"mmsu_1\"}";
    }

    @Override String endpointOf(Request r) {
      String path = r.url().encodedPath();
      if ("POST".equals(r.method())) return "submit";
      if (path.endsWith("/status")) return "status";
      if (path.endsWith("/response")) return "result";
      if (path.endsWith("/cancel")) return "cancel";
      return "other";
    }
  },

  HIGHWAY("highway", EnumSet.of(Phase.SUBMIT, Phase.STATUS, Phase.CANCEL, Phase.DOWNLOAD)) {
    @Override ProviderSimulator startSimulator(String key) {
      return V3AsyncSimulator.highway(key).start();
    }

    @Override ClientBuilder<?> builder() {
      return V3Async.highway();
    }

    @Override Fault insufficientCredits() {
      return v3asyncCredits();
    }

    @Override String unknownStatusBody() {
      return v3asyncUnknownStatus();
    }

    @Override String endpointOf(Request r) {
      return v3asyncEndpoint(r);
    }
  },

  MYROUTER("myrouter", EnumSet.of(Phase.SUBMIT, Phase.STATUS, Phase.CANCEL, Phase.DOWNLOAD)) {
    @Override ProviderSimulator startSimulator(String key) {
      return V3AsyncSimulator.myrouter(key).start();
    }

    @Override ClientBuilder<?> builder() {
      return V3Async.myrouter();
    }

    @Override Fault insufficientCredits() {
      return v3asyncCredits();
    }

    @Override String unknownStatusBody() {
      return v3asyncUnknownStatus();
    }

    @Override String endpointOf(Request r) {
      return v3asyncEndpoint(r);
    }
  },

  GMI("gmi", EnumSet.of(Phase.SUBMIT, Phase.STATUS, Phase.CANCEL, Phase.DOWNLOAD)) {
    @Override ProviderSimulator startSimulator(String key) {
      return new GmiSimulator(key).start();
    }

    @Override ClientBuilder<?> builder() {
      return GmiCloud.builder();
    }

    @Override Fault insufficientCredits() {
      // GMI reports an exhausted balance as a 400 whose message says so (provider-gmi README).
      return Fault.status(400, "{\"error\":{\"message\":\"insufficient balance\",\"code\":\"INSUFFICIENT_BALANCE\"}}");
    }

    @Override String unknownStatusBody() {
      return "{\"request_id\":\"8fbb88gd-cd78-5132-0g2c-07c4ge944225\",\"model\":\"pixverse-v6-i2v\","
          + "\"status\":\"teleporting\",\"outcome\":null}";
    }

    @Override String endpointOf(Request r) {
      String path = r.url().encodedPath();
      if ("POST".equals(r.method()) && path.endsWith("/requests")) return "submit";
      if (path.contains("/requests/")) return "status";
      return "other";
    }
  },

  PIXVERSE("pixverse", EnumSet.of(Phase.UPLOAD, Phase.SUBMIT, Phase.STATUS, Phase.CANCEL, Phase.DOWNLOAD)) {
    @Override ProviderSimulator startSimulator(String key) {
      return new PixVerseSimulator(key).start();
    }

    @Override ClientBuilder<?> builder() {
      return PixVerse.builder();
    }

    @Override Fault insufficientCredits() {
      // No confirmed PixVerse code for an exhausted balance (provider-pixverse README): a bare 402.
      return Fault.status(402, "{\"message\":\"insufficient balance\"}");
    }

    @Override String unknownStatusBody() {
      return "{\"ErrCode\":0,\"ErrMsg\":\"success\",\"Resp\":{\"id\":1,\"status\":42,\"url\":\"\"}}";
    }

    @Override String endpointOf(Request r) {
      String path = r.url().encodedPath();
      if (path.endsWith("/image/upload")) return "upload";
      if (path.endsWith("/img/generate")) return "submit";
      if (path.contains("/video/result/")) return "status";
      return "other";
    }
  };

  final String label;
  final Set<Phase> phases;

  MatrixProvider(String label, Set<Phase> phases) {
    this.label = label;
    this.phases = phases;
  }

  abstract ProviderSimulator startSimulator(String key);

  abstract ClientBuilder<?> builder();

  /** This provider's own answer for an account that cannot pay. */
  abstract Fault insufficientCredits();

  /** A complete 200 status answer of this protocol with a status value no client can know. */
  abstract String unknownStatusBody();

  /** The simulator endpoint name of an API request of this provider (media is handled by {@link Wire}). */
  abstract String endpointOf(Request r);

  boolean hasCancel() {
    return this == ODIROUTER;
  }

  private static Fault v3asyncCredits() {
    return Fault.status(400, "{\"code\":400,\"reason\":\"BILLING_BALANCE_NOT_ENOUGH\","
        + "\"message\":\"balance not enough\",\"metadata\":{}}");
  }

  private static String v3asyncUnknownStatus() {
    return "{\"task\":{\"task_type\":\"X\",\"status\":\"TASK_STATUS_TELEPORTING\",\"reason\":\"\"},"
        + "\"extra\":{},\"images\":[],\"videos\":[],\"audios\":[]}";
  }

  private static String v3asyncEndpoint(Request r) {
    String path = r.url().encodedPath();
    if (path.contains("/task-result")) return "status";
    if ("POST".equals(r.method())) return "submit";
    return "other";
  }
}
