package dev.crawl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crawl.core.UrlResult;
import dev.crawl.crawl.CrawlOptions;
import dev.crawl.demo.DemoServer;
import dev.crawl.demo.DocsSite;
import dev.crawl.demo.SiteContent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated documentation site, in small, mirrored as wget users do ({@code -r -p -k
 * --no-parent} from /docs/index.html) in every mode, and the mirror checked with jsoup as an
 * independent reader: it browses offline.
 */
class MirrorInEveryModeTest {
  private static final DocsSite SITE = new DocsSite(3, 5);
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");
  private static DemoServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void serve() throws Exception {
    server = DemoServer.start(0, new SiteContent(1), SITE, 0, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private RunFixture.Result mirror(Mode mode) throws Exception {
    CrawlOptions options = new CrawlOptions(100, true, List.of(), true, List.of(), List.of(), false, true);
    return RunFixture.crawl(mode, 4, List.of(server.base().resolve(DocsSite.START).toString()), tmp.resolve("out"),
        TestSettings.fast(), options);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void everyFileOfTheSiteIsFetchedOnceWithItsRequisitesAboveTheStartPath(Mode mode) throws Exception {
    RunFixture.Result run = mirror(mode);

    Set<String> saved = new TreeSet<>();
    List<String> failed = new ArrayList<>();
    for (UrlResult r : run.records()) {
      String path = URI.create(r.url()).getPath();
      switch (r) {
        case UrlResult.Saved s -> assertTrue(saved.add(path), "fetched twice: " + path);
        case UrlResult.Failed f -> failed.add(path + " " + f.reason());
        default -> fail("neither saved nor failed: " + r);
      }
    }
    assertEquals(new TreeSet<>(SITE.paths()), saved);
    assertEquals(List.of("/docs/s0/missing-0.html HTTP 404 Not Found"), failed, "only the site's broken link fails");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theMirrorHasNoBrokenLocalLinks(Mode mode) throws Exception {
    mirror(mode);
    Path out = tmp.resolve("out");

    int checked = 0;
    List<Path> files = RunFixture.filesUnder(out).stream().filter(p -> !out.relativize(p).startsWith(".crawl")).toList();
    for (Path file : files) {
      for (String ref : localReferences(file)) {
        String target = URLDecoder.decode(ref.replaceAll("[#?].*$", ""), StandardCharsets.UTF_8);
        assertTrue(Files.isRegularFile(file.getParent().resolve(target).normalize()),
            ref + " in " + out.relativize(file) + " does not resolve to a saved file");
        checked++;
      }
    }
    assertTrue(checked > 1_000, checked + " local links checked");
  }

  /** Relative references of a saved page or stylesheet, except the site's one link to a removed page. */
  private static List<String> localReferences(Path file) throws Exception {
    List<String> refs = new ArrayList<>();
    String name = file.getFileName().toString();
    if (name.endsWith(".html")) {
      Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
      for (Element e : doc.select("[href], [src], [srcset]")) {
        refs.add(e.attr(e.hasAttr("href") ? "href" : "src"));
        for (String candidate : e.attr("srcset").split(",")) {
          refs.add(candidate.strip().split("\\s+")[0]);
        }
      }
    } else if (name.endsWith(".css")) {
      Matcher m = CSS_URL.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        refs.add(m.group(1));
      }
    }
    return refs.stream()
        .filter(r -> !r.isEmpty() && !r.startsWith("#") && !r.matches("^[a-z]+:.*") && !r.contains("missing-"))
        .toList();
  }
}
