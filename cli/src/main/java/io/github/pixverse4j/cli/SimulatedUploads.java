package io.github.pixverse4j.cli;

import io.github.pixverse4j.api.ImageFormat;
import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.ProviderCapabilities;
import io.github.pixverse4j.simulator.ProviderSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A local image for a simulated provider that takes image URLs only (every provider but the
 * PixVerse platform): the real service needs the file uploaded to a public web host first and its
 * URL given, so the simulator plays that host and serves the file at a loopback URL with the file's
 * name, and the request carries that URL. The real service is never given a local file.
 */
final class SimulatedUploads {
  private SimulatedUploads() {}

  /**
   * Whether {@code request}'s image is a local file that {@code caps}'s provider takes only by URL.
   */
  static boolean needed(ProviderCapabilities caps, ImageToVideoRequest request) {
    return request != null
        && request.image().kind() == ImageInput.Kind.FILE
        && !caps.imageKinds().contains(ImageInput.Kind.FILE)
        && caps.imageKinds().contains(ImageInput.Kind.URL);
  }

  /**
   * The request as it is sent once simulated, for validation before the simulator starts: the file
   * replaced by a URL that ends in the file's name, as its upload would.
   */
  static ImageToVideoRequest standIn(ImageToVideoRequest request) {
    return withUrl(request, "http://127.0.0.1/media/" + name(request.image().file()));
  }

  /**
   * Serves the request's image file on {@code sim} and returns the request with its URL, saying so
   * on {@code out}.
   */
  static ImageToVideoRequest upload(
      ProviderSimulator sim, ProviderCapabilities caps, ImageToVideoRequest request, Output out) {
    Path file = request.image().file();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "The image file " + file + " cannot be read: " + e.getMessage(), e);
    }
    ImageFormat format =
        ImageFormat.sniff(
            Arrays.copyOf(bytes, ImageFormat.SIGNATURE_BYTES),
            Math.min(bytes.length, ImageFormat.SIGNATURE_BYTES));
    String url =
        sim.hostMedia(
            name(file), format == null ? "application/octet-stream" : format.mimeType(), bytes);
    out.say(
        "The simulated %s takes image URLs only, as the real one does: %s is served at %s, as a"
            + " public web host would serve it after an upload (with the real service, upload it"
            + " and give its https URL).",
        caps.providerId(), file.getFileName(), url);
    return withUrl(request, url);
  }

  private static String name(Path file) {
    return file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static ImageToVideoRequest withUrl(ImageToVideoRequest request, String url) {
    return ImageToVideoRequest.builder().from(request).image(ImageInput.url(url)).build();
  }
}
