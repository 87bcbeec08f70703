package dev.crawl.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.crawl.core.UrlResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessPoolEngineTest extends EngineContractTest {
  @Override
  Mode mode() {
    return Mode.PROCESSES;
  }

  @Test
  void aWorkerKilledMidDownloadLosesNothing(@TempDir Path dir) throws Exception {
    ArrivalLatch latch = new ArrivalLatch();
    WireMockServer server = startedWith(latch);
    try {
      server.stubFor(get("/victim").inScenario("kill").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withBody("never seen").withFixedDelay(20_000).withTransformers(ArrivalLatch.NAME))
          .willSetStateTo("retried"));
      server.stubFor(get("/victim").inScenario("kill").whenScenarioStateIs("retried")
          .willReturn(aResponse().withBody("saved after all")));
      String url = "http://127.0.0.1:" + server.port() + "/victim";

      CompletableFuture<RunFixture.Result> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return RunFixture.run(Mode.PROCESSES, 1, List.of(url), dir.resolve("out"), TestSettings.fast());
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertTrue(latch.arrived.await(60, TimeUnit.SECONDS), "the worker never asked for /victim");
      // the run's worker is this JVM's only child process; known by its executable, not its command
      // line, which the JDK reads from /proc only up to 4 KB: past a long class path, "worker" is cut off
      List<ProcessHandle> workers = ProcessHandle.current().children()
          .filter(p -> p.info().command().map(c -> c.endsWith("/bin/java")).orElse(true))
          .toList();
      workers.forEach(ProcessHandle::destroyForcibly);
      assertEquals(1, workers.size(), () -> "children: " + ProcessHandle.current().children()
          .map(p -> p.pid() + " " + p.info()).toList());

      RunFixture.Result result = run.get(60, TimeUnit.SECONDS);
      UrlResult.Saved r = result.saved("/victim");
      assertEquals("saved after all", Files.readString(dir.resolve("out").resolve(r.path())));
      assertEquals(2, server.findAll(getRequestedFor(urlEqualTo("/victim"))).size());
      assertEquals(2, result.outcome().summary().processes());
    } finally {
      server.stop();
    }
  }

  @Test
  void aWorkerStoppedMidDownloadStillAnswersForItsTaskAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    ArrivalLatch latch = new ArrivalLatch();
    WireMockServer server = startedWith(latch);
    WorkerLane lane = new WorkerLane(
        WorkerSpec.forThisJvm(TestSettings.fast(), new dev.crawl.store.Store(dir), dev.crawl.crawl.CrawlOptions.NONE, null),
        "worker-1", new dev.crawl.core.RunClock(), null, dev.crawl.fetch.KeptCopies.NONE);
    try {
      server.stubFor(get("/slow").willReturn(
          aResponse().withBody("late").withFixedDelay(20_000).withTransformers(ArrivalLatch.NAME)));
      dev.crawl.core.Task task =
          new dev.crawl.core.Task(1, java.net.URI.create("http://127.0.0.1:" + server.port() + "/slow"), "test", 0);
      CompletableFuture<dev.crawl.core.FetchResult> ran = CompletableFuture.supplyAsync(() -> lane.run(task, 0));
      assertTrue(latch.arrived.await(60, TimeUnit.SECONDS), "the worker never asked for /slow");

      lane.stop(); // SIGTERM, as on Ctrl-C

      dev.crawl.core.FetchResult result = ran.get(30, TimeUnit.SECONDS);
      // the worker's own answer, not the lane's note that the worker went away: a file saved
      // just before the signal would be reported as saved
      dev.crawl.core.UrlResult.Failed failed = (dev.crawl.core.UrlResult.Failed) result;
      assertEquals("stopped: the run was interrupted", failed.reason());
      try (var files = Files.walk(dir)) {
        assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
      }
    } finally {
      lane.close();
      server.stop();
    }
  }

  @Test
  void aListWithNothingToFetchStartsNoWorker(@TempDir Path dir) throws Exception {
    RunFixture.Result result =
        RunFixture.run(Mode.PROCESSES, 16, List.of("# only a comment", "", "# and another"), dir.resolve("out"),
            TestSettings.fast());

    assertEquals(0, result.outcome().summary().counts().total());
    assertEquals(0, result.outcome().summary().processes());
  }

  private static WireMockServer startedWith(ArrivalLatch latch) {
    WireMockServer server =
        new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().extensions(latch));
    server.start();
    return server;
  }
}
