package io.github.pixverse4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Android recipe in docs/android.md compiles as Java 8 against the library, with minimal
 * stand-ins for the three Android classes it uses (the Android SDK is not a build dependency).
 */
class AndroidRecipeTest {
  private static final Map<String, String> ANDROID_STUBS =
      Map.of(
          "android/app/Application.java",
          "package android.app;\npublic class Application {\n  public void onCreate() {}\n"
              + "  public java.io.File getFilesDir() { return new java.io.File(\"files\"); }\n}\n",
          "android/util/Log.java",
          "package android.util;\npublic final class Log {\n"
              + "  public static int w(String tag, String msg, Throwable tr) { return 0; }\n}\n",
          "com/example/app/BuildConfig.java",
          "package com.example.app;\n"
              + "public final class BuildConfig {\n"
              + "  public static final String GMI_API_KEY = \"k\";\n"
              + "}\n");

  private static final String HEADER =
      "package com.example.app;\n\n"
          + "import android.app.Application;\n"
          + "import android.util.Log;\n"
          + "import io.github.pixverse4j.api.ImageToVideoRequest;\n"
          + "import io.github.pixverse4j.api.TaskState;\n"
          + "import io.github.pixverse4j.api.TaskStatus;\n"
          + "import io.github.pixverse4j.client.DownloadTargets;\n"
          + "import io.github.pixverse4j.client.VideoClient;\n"
          + "import io.github.pixverse4j.client.journal.JournalEntry;\n"
          + "import io.github.pixverse4j.client.journal.TaskJournal;\n"
          + "import io.github.pixverse4j.gmi.GmiCloud;\n"
          + "import io.reactivex.rxjava3.core.Observable;\n"
          + "import io.reactivex.rxjava3.schedulers.Schedulers;\n"
          + "import java.io.File;\n"
          + "import java.nio.file.Path;\n"
          + "import java.util.Collections;\n\n";

  @TempDir Path dir;

  static String recipe() throws Exception {
    String readme =
        new String(
            Files.readAllBytes(Paths.get("..", "docs", "android.md")), StandardCharsets.UTF_8);
    int start = readme.indexOf("<!-- android-recipe:start -->");
    int end = readme.indexOf("<!-- android-recipe:end -->");
    assertThat(start).as("docs/android.md marks the Android recipe").isGreaterThanOrEqualTo(0);
    String block = readme.substring(start, end);
    return block.substring(block.indexOf("```java") + 7, block.lastIndexOf("```"));
  }

  @Test
  @DisplayName("docs/android.md's Android recipe compiles as Java 8 against the library")
  void compiles() throws Exception {
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> stub : ANDROID_STUBS.entrySet()) {
      Path f = dir.resolve("src").resolve(stub.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, stub.getValue());
      files.add(f.toString());
    }
    Path app = dir.resolve("src/com/example/app/VideoApp.java");
    Files.writeString(app, HEADER + recipe());
    files.add(app.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--release",
                "8",
                "-Xlint:-options",
                "-d",
                dir.resolve("classes").toString(),
                "-cp",
                System.getProperty("java.class.path")));
    args.addAll(files);
    StringWriter diagnostics = new StringWriter();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code = javac.run(null, null, err, args.toArray(new String[0]));
    diagnostics.write(err.toString(StandardCharsets.UTF_8));
    assertThat(code).as("javac output:%n%s", diagnostics).isZero();
    assertThat(dir.resolve("classes/com/example/app/VideoApp.class")).exists();
  }
}
