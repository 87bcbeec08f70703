package dev.crawl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real bin/crawl, as a user's shell would, and keeps what it printed. */
final class Launcher {
  static final Path PATH = Path.of(System.getProperty("crawl.launcher", "bin/crawl"));

  record Ran(int status, String out, String err) {}

  private Launcher() {}

  /**
   * @param env variables set for this run (CRAWL_JAVA_OPTS, say)
   * @param stdin what the run reads on its standard input, or null for nothing
   */
  static Ran run(Path tmp, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(PATH.toAbsolutePath().toString());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "stdout", ".txt");
    Path err = Files.createTempFile(tmp, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/crawl did not finish within 120 s");
    }
    return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
