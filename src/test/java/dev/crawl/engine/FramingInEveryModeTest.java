package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.core.UrlResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * HTTP framing (RFC 9112 §6.3): a body whose end cannot be known, or that the JDK client would cut
 * in the wrong place, is never saved, under any name.
 */
class FramingInEveryModeTest {
  @TempDir Path tmp;
  private RawServer server;

  @BeforeEach
  void start() throws Exception {
    server = RawServer.withHealthyFile();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void twoDifferentContentLengthsFailTheUrl(Mode mode) throws Exception {
    server.respond("/bad", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 11\r\n\r\nhello world");
    assertFailsAlone(mode, "conflicting Content-Length values (5, 11)");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aNegativeContentLengthFailsTheUrl(Mode mode) throws Exception {
    server.respond("/bad", "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\nhello world");
    assertFailsAlone(mode, "invalid Content-Length '-5'");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aContentLengthThatIsNotANumberFailsTheUrl(Mode mode) throws Exception {
    server.respond("/bad", "HTTP/1.1 200 OK\r\nContent-Length: eleven\r\n\r\nhello world");
    assertFailsAlone(mode, "invalid Content-Length 'eleven'");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void chunkedFramingWithAContentLengthIsNeverSavedCutShort(Mode mode) throws Exception {
    // the JDK client would keep the first 3 bytes, "5\r\n", where the RFC says the body is "hello world"
    server.respond("/bad",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    assertFailsAlone(mode, "both Transfer-Encoding and Content-Length");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aChunkedBodyIsSaved(Mode mode) throws Exception {
    server.respond("/chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");

    RunFixture.Result run = RunFixture.run(mode, 2, List.of(server.url("/chunked")), out(), TestSettings.fast());

    UrlResult.Saved r = run.saved("/chunked");
    assertEquals("hello world", Files.readString(out().resolve(r.path())));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aRepeatedIdenticalContentLengthIsAccepted(Mode mode) throws Exception {
    server.respond("/twice", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");

    RunFixture.Result run = RunFixture.run(mode, 2, List.of(server.url("/twice")), out(), TestSettings.fast());

    UrlResult.Saved r = run.saved("/twice");
    assertEquals("hello", Files.readString(out().resolve(r.path())));
  }

  private void assertFailsAlone(Mode mode, String reason) throws Exception {
    RunFixture.Result run =
        RunFixture.run(mode, 2, List.of(server.url("/bad"), server.url("/healthy")), out(), TestSettings.fast().withRetries(2));

    UrlResult.Failed bad = run.failed("/bad");
    assertTrue(bad.reason().contains(reason), bad.reason());
    assertEquals(1, bad.attempts(), "a framing error is not retried");
    run.saved("/healthy");
    List<Path> files = RunFixture.filesUnder(out()).stream().filter(p -> !p.startsWith(out().resolve(".crawl"))).toList();
    assertEquals(1, files.size(), "only the healthy file may exist: " + files);
  }

  private Path out() {
    return tmp.resolve("out");
  }
}
