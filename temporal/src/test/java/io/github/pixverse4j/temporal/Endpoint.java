package io.github.pixverse4j.temporal;

import io.github.pixverse4j.client.ClientBuilder;
import io.github.pixverse4j.fal.Fal;
import io.github.pixverse4j.fal.simulator.FalSimulator;
import io.github.pixverse4j.gmi.GmiCloud;
import io.github.pixverse4j.gmi.simulator.GmiSimulator;
import io.github.pixverse4j.odirouter.OdiRouter;
import io.github.pixverse4j.odirouter.simulator.OdiRouterSimulator;
import io.github.pixverse4j.pixverse.PixVerse;
import io.github.pixverse4j.pixverse.simulator.PixVerseSimulator;
import io.github.pixverse4j.simulator.ProviderSimulator;
import io.github.pixverse4j.v3async.V3Async;
import io.github.pixverse4j.v3async.simulator.V3AsyncSimulator;
import io.github.pixverse4j.wavespeed.WaveSpeed;
import io.github.pixverse4j.wavespeed.simulator.WaveSpeedSimulator;

/** The seven built-in endpoints, each with its simulator on loopback. */
enum Endpoint {
  ODIROUTER("odirouter", true) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return new OdiRouterSimulator(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return OdiRouter.builder();
    }
  },
  HIGHWAY("highway", false) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return V3AsyncSimulator.highway(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return V3Async.highway();
    }
  },
  MYROUTER("myrouter", false) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return V3AsyncSimulator.myrouter(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return V3Async.myrouter();
    }
  },
  GMI("gmi", false) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return new GmiSimulator(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return GmiCloud.builder();
    }
  },
  PIXVERSE("pixverse", false) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return new PixVerseSimulator(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return PixVerse.builder();
    }
  },
  WAVESPEED("wavespeed", false) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return WaveSpeedSimulator.create(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return WaveSpeed.builder();
    }
  },
  FAL("fal", true) {
    @Override
    ProviderSimulator startSimulator(String key) {
      return FalSimulator.create(key).start();
    }

    @Override
    ClientBuilder<?> builder() {
      return Fal.builder();
    }
  };

  final String providerId;
  final boolean canCancel;

  Endpoint(String providerId, boolean canCancel) {
    this.providerId = providerId;
    this.canCancel = canCancel;
  }

  abstract ProviderSimulator startSimulator(String key);

  abstract ClientBuilder<?> builder();

  /** The facade's builder pointed at {@code sim}, with its key. */
  ClientBuilder<?> builderFor(ProviderSimulator sim) {
    return builder().apiKey(sim.apiKey()).baseUrl(sim.baseUrl());
  }
}
