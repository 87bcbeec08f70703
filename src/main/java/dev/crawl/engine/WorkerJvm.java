package dev.crawl.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a worker JVM is started: with this JVM's java, its flags and its way of naming the code.
 *
 * <p>A JDK 25 start-up cache is refused by a JVM whose module options differ from the training
 * run's: {@code --enable-native-access} on a worker's line, where the launcher had the jar's
 * manifest grant it, cost every worker the cache (4× slower starts, silently). So a worker is never
 * given flags of its own choosing beside the cache; it repeats the parent's, and starts the way the
 * parent started ({@code -jar} or a class path).
 *
 * @param command the whole command line
 * @param cacheGiven the command names a start-up cache (AOT cache or CDS archive) for the worker
 */
public record WorkerJvm(List<String> command, boolean cacheGiven) {

  /** Flags that write a cache rather than read it: a training run's workers must not all dump one. */
  private static final Pattern DUMPS = Pattern.compile(
      "-XX:(AOTCacheOutput|AOTConfiguration|ArchiveClassesAtExit|SharedClassListFile)=.*"
          + "|-XX:AOTMode=(record|create)|-XX:[+-]AutoCreateSharedArchive|-Xshare:dump");

  /** A debugger's agent listens on a port; a second JVM with the same agent fails to start. */
  private static final Pattern DEBUGGER = Pattern.compile("-agentlib:jdwp.*|-Xrunjdwp.*");

  private static final Pattern NAMES_A_GC = Pattern.compile("-XX:\\+Use\\w+GC");

  /** Starts small where the parent chose nothing (a test JVM): one download at a time needs little. */
  private static final List<String> SMALL = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  /** A worker's own needs, which the cache does not check: one download at a time, shallow stacks. */
  private static final List<String> WORKER = List.of("-Xss512k", "-Xmx256m");

  public static WorkerJvm ofThisJvm() {
    return of(
        Path.of(System.getProperty("java.home"), "bin", "java"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        System.getProperty("java.class.path"),
        System.getProperty("sun.java.command", ""));
  }

  /**
   * @param parentFlags the parent JVM's own options, as it was started
   * @param classPath the parent's class path; a single jar when it was started with {@code -jar}
   * @param javaCommand what followed the options on the parent's line (the jar or main class, and
   *     the arguments): tells {@code -jar} apart from a class path
   */
  static WorkerJvm of(Path java, List<String> parentFlags, String classPath, String javaCommand) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    boolean chosen = parentFlags.stream().anyMatch(f -> NAMES_A_GC.matcher(f).matches());
    if (!chosen) {
      cmd.addAll(SMALL);
    }
    boolean cache = false;
    for (String flag : parentFlags) {
      if (flag.startsWith("-XX:SharedArchiveFile=")) {
        // JDK 21-24: the archive the launcher creates at its first exit, read once it exists
        if (Files.isRegularFile(Path.of(flag.substring("-XX:SharedArchiveFile=".length())))) {
          cmd.add(flag);
          cache = true;
        }
      } else if (!DUMPS.matcher(flag).matches() && !DEBUGGER.matcher(flag).matches()) {
        cmd.add(flag);
        cache |= flag.startsWith("-XX:AOTCache=");
      }
    }
    cmd.addAll(WORKER);
    if (launchedAsJar(classPath, javaCommand)) {
      cmd.addAll(List.of("-jar", classPath, "worker"));
    } else {
      cmd.addAll(List.of("-cp", classPath, WorkerMain.class.getName()));
    }
    return new WorkerJvm(List.copyOf(cmd), cache);
  }

  private static boolean launchedAsJar(String classPath, String javaCommand) {
    return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
        && (javaCommand.equals(classPath) || javaCommand.startsWith(classPath + " "));
  }
}
