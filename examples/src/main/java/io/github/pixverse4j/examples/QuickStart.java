package io.github.pixverse4j.examples;

import io.github.pixverse4j.api.ImageInput;
import io.github.pixverse4j.api.ImageToVideoRequest;
import io.github.pixverse4j.api.TaskState;
import io.github.pixverse4j.api.TaskStatus;
import io.github.pixverse4j.client.VideoClient;
import io.github.pixverse4j.pixverse.PixVerse;
import java.nio.file.Path;
import java.nio.file.Paths;

/** One image and a prompt to a video file: java QuickStart [image [video]]. */
public class QuickStart {
  public static void main(String[] args) {
    Path image = Paths.get(args.length > 0 ? args[0] : "examples/cat.png");
    Path video = Paths.get(args.length > 1 ? args[1] : "cat.mp4");

    // The key of your PixVerse platform account. Not set? apiKey(null) stops here, before any
    // request, with a message naming PIXVERSE_API_KEY.
    PixVerse.Builder builder = PixVerse.builder().apiKey(System.getenv("PIXVERSE_API_KEY"));
    // Optional: another host speaking the same API, such as a simulator on 127.0.0.1.
    String baseUrl = System.getenv("PIXVERSE_BASE_URL");
    if (baseUrl != null) builder.baseUrl(baseUrl);
    VideoClient client = builder.build();

    ImageToVideoRequest request =
        ImageToVideoRequest.builder()
            .image(ImageInput.file(image))
            .prompt("the cat turns its head and smiles")
            .durationSeconds(5)
            .build();

    // generate() submits when subscribed, polls, and emits each change of status until the last
    // one (SUCCEEDED, FAILED or CANCELLED); blockingLast() waits for that one.
    TaskStatus last =
        client
            .generate(request)
            .doOnNext(
                s ->
                    System.out.println(
                        s.state()
                            + s.progressPercent().map(percent -> " " + percent + "%").orElse("")))
            .blockingLast();
    if (last.state() != TaskState.SUCCEEDED) {
      System.err.println(last.state() + ": " + last.failure().map(f -> f.message()).orElse(""));
      System.exit(1);
    }

    // Streams the video into a temporary file and moves it into place once complete.
    client.download(last.videos().get(0), video).blockingSubscribe();
    System.out.println("Saved " + video.toAbsolutePath());
  }
}
