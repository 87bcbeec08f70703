package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker JVM starts as its parent did: the same flags, the same cache, the same way of naming the code. */
class WorkerJvmTest {
  private static final Path JAVA = Path.of("/jdk/bin/java");
  private static final List<String> LAUNCHER_FLAGS = List.of(
      "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xlog:disable",
      "-Xlog:all=warning:stderr:uptime,level,tags", "-XX:AOTCache=/repo/target/crawl-25.aot");

  @Test
  void aParentStartedWithDashJarStartsItsWorkersWithTheSameJarAndEveryFlag() {
    WorkerJvm w = WorkerJvm.of(JAVA, LAUNCHER_FLAGS, "/repo/target/crawl.jar", "/repo/target/crawl.jar -m processes urls.txt");

    List<String> cmd = w.command();
    assertEquals(JAVA.toString(), cmd.get(0));
    assertEquals(LAUNCHER_FLAGS, cmd.subList(1, 1 + LAUNCHER_FLAGS.size()), "the parent's flags, in order, none added between");
    assertEquals(List.of("-jar", "/repo/target/crawl.jar", "worker"), cmd.subList(cmd.size() - 3, cmd.size()));
    assertTrue(w.cacheGiven());
  }

  @Test
  void noFlagTheCacheChecksIsAddedForTheWorker() {
    // --enable-native-access on a worker's line, absent from the training run, cost every worker its cache
    List<String> cmd = WorkerJvm.of(JAVA, LAUNCHER_FLAGS, "/r/crawl.jar", "/r/crawl.jar").command();

    assertFalse(cmd.stream().anyMatch(f -> f.startsWith("--enable-native-access") || f.startsWith("--add-")), cmd.toString());
  }

  @Test
  void aParentStartedFromAClassPathStartsTheWorkerClassOnTheSameClassPath() {
    List<String> flags = List.of("--enable-native-access=ALL-UNNAMED");

    List<String> cmd = WorkerJvm.of(JAVA, flags, "/a/classes:/b/dep.jar", "org.apache.maven.surefire.booter.ForkedBooter x").command();

    assertTrue(cmd.contains("--enable-native-access=ALL-UNNAMED"), cmd.toString());
    assertEquals(List.of("-cp", "/a/classes:/b/dep.jar", WorkerMain.class.getName()), cmd.subList(cmd.size() - 3, cmd.size()));
  }

  @Test
  void aParentRunningAJarFromItsClassPathIsNotTakenForDashJar() {
    List<String> cmd = WorkerJvm.of(JAVA, List.of(), "/r/crawl.jar", "dev.crawl.cli.Main -m processes").command();

    assertEquals(List.of("-cp", "/r/crawl.jar", WorkerMain.class.getName()), cmd.subList(cmd.size() - 3, cmd.size()));
  }

  @Test
  void flagsThatWriteACacheOrOpenADebuggerStayWithTheParent() {
    List<String> flags = List.of("-XX:AOTCacheOutput=/t/x.aot", "-XX:AOTMode=record", "-XX:AOTConfiguration=/t/c",
        "-XX:ArchiveClassesAtExit=/t/a.jsa", "-XX:+AutoCreateSharedArchive", "-agentlib:jdwp=transport=dt_socket,server=y",
        "-Dkept=1");

    List<String> cmd = WorkerJvm.of(JAVA, flags, "/r/crawl.jar", "/r/crawl.jar").command();

    assertTrue(cmd.contains("-Dkept=1"), cmd.toString());
    for (String f : flags.subList(0, flags.size() - 1)) {
      assertFalse(cmd.contains(f), f + " in " + cmd);
    }
  }

  @Test
  void anAotModeThatRequiresTheCacheIsPassedOn() {
    // bin/crawl's start-up cache test relies on it: a worker that cannot map the cache then refuses to start
    List<String> cmd = WorkerJvm.of(JAVA, List.of("-XX:AOTCache=/x.aot", "-XX:AOTMode=on"), "/r/c.jar", "/r/c.jar").command();

    assertTrue(cmd.contains("-XX:AOTMode=on"), cmd.toString());
  }

  @Test
  void aParentThatChoseNoCollectorGetsSmallWorkers() {
    List<String> cmd = WorkerJvm.of(JAVA, List.of(), "/a/classes", "Main").command();

    assertTrue(cmd.containsAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")), cmd.toString());
    assertFalse(WorkerJvm.of(JAVA, List.of(), "/a/classes", "Main").cacheGiven());
  }

  @Test
  void aParentThatChoseACollectorKeepsItForItsWorkers() {
    List<String> cmd = WorkerJvm.of(JAVA, List.of("-XX:+UseG1GC"), "/a/classes", "Main").command();

    assertFalse(cmd.contains("-XX:+UseSerialGC"), cmd.toString());
  }

  @Test
  void anArchiveTheParentWillOnlyCreateAtItsExitIsNotGivenToWorkers(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("crawl.jsa");
    List<String> flags = List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive");

    WorkerJvm before = WorkerJvm.of(JAVA, flags, "/r/c.jar", "/r/c.jar");
    Files.writeString(archive, "archive");
    WorkerJvm after = WorkerJvm.of(JAVA, flags, "/r/c.jar", "/r/c.jar");

    assertFalse(before.cacheGiven());
    assertFalse(before.command().contains("-XX:SharedArchiveFile=" + archive));
    assertTrue(after.cacheGiven());
    assertTrue(after.command().contains("-XX:SharedArchiveFile=" + archive));
    assertFalse(after.command().contains("-XX:+AutoCreateSharedArchive"));
  }
}
