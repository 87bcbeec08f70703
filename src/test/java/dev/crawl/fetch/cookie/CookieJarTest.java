package dev.crawl.fetch.cookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CookieJarTest {
  @TempDir Path tmp;

  private final AtomicLong now = new AtomicLong(1_800_000_000L);
  private final CookieJar jar = new CookieJar(now::get);

  private void set(String url, String... headers) {
    jar.store(URI.create(url), List.of(headers));
  }

  private String sent(String url) {
    return jar.header(URI.create(url));
  }

  @Test
  void aCookieGoesBackToItsHostUnderItsPathOnly() {
    set("http://shop.example/cart/view", "sid=1");

    assertEquals("sid=1", sent("http://shop.example/cart/add"));
    assertEquals("sid=1", sent("http://shop.example/cart"));
    assertNull(sent("http://shop.example/cartoons"));
    assertNull(sent("http://shop.example/"));
    assertNull(sent("http://other.example/cart/add"));
  }

  @Test
  void aHostOnlyCookieStaysOnItsHostAndADomainCookieReachesEverySubdomain() {
    set("http://www.example.com/", "host=1; Path=/", "dom=2; Domain=.example.com; Path=/");

    assertEquals("host=1; dom=2", sent("http://www.example.com/"));
    assertEquals("dom=2", sent("http://a.b.example.com/"));
    assertEquals("dom=2", sent("http://example.com/"));
  }

  @Test
  void refusesACookieForAPublicSuffixWhichEverySiteUnderItWouldReceive() {
    set("http://shop.example.co.uk/", "uk=1; Domain=co.uk; Path=/", "site=2; Domain=example.co.uk; Path=/");
    set("http://alice.github.io/", "pages=3; Domain=github.io; Path=/");

    assertNull(sent("http://bank.co.uk/"));
    assertNull(sent("http://mallory.github.io/"));
    assertEquals("site=2", sent("http://shop.example.co.uk/"));
    assertEquals("site=2", sent("http://www.example.co.uk/"));
  }

  @Test
  void aPublicSuffixThatIsTheHostItselfGetsAHostOnlyCookie() {
    set("http://github.io/", "own=1; Domain=github.io; Path=/");

    assertEquals("own=1", sent("http://github.io/"));
    assertNull(sent("http://alice.github.io/"));
  }

  @Test
  void refusesCookiesForAnotherSitesDomainOrATopLevelOne() {
    set("http://www.example.com/", "a=1; Domain=other.com", "b=2; Domain=com", "c=3; Domain=ww.example.com");

    assertNull(sent("http://other.com/"));
    assertNull(sent("http://x.com/"));
    assertNull(sent("http://www.example.com/"));
  }

  @Test
  void aSecureCookieGoesOverHttpsOnlyAndPlainHttpCannotSetOne() {
    set("https://example.com/", "s=1; Secure; Path=/");
    set("http://example.com/", "t=2; Secure; Path=/");

    assertEquals("s=1", sent("https://example.com/x"));
    assertNull(sent("http://example.com/x"));
  }

  @Test
  void expiresByMaxAgeOrExpiresAndMaxAgeWins() {
    set("http://example.com/", "a=1; Max-Age=60; Path=/", "b=2; Expires=Tue, 01 Jun 2027 08:00:00 GMT; Path=/",
        "c=3; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/");
    assertEquals("a=1; b=2; c=3", sent("http://example.com/"));

    now.addAndGet(120);
    assertEquals("b=2; c=3", sent("http://example.com/"));

    now.set(1_900_000_000L);
    assertNull(sent("http://example.com/"));
  }

  @Test
  void aCookieSetAgainReplacesTheOldOneAndAnExpiredOneDeletesIt() {
    set("http://example.com/", "a=1; Path=/", "b=1; Path=/");
    set("http://example.com/", "a=2; Path=/", "b=; Max-Age=0; Path=/");

    assertEquals("a=2", sent("http://example.com/"));
  }

  @Test
  void cookiesWithLongerPathsGoFirst() {
    set("http://example.com/", "short=1; Path=/", "long=2; Path=/docs/api");

    assertEquals("long=2; short=1", sent("http://example.com/docs/api/x"));
  }

  @Test
  void anAddressMatchesItselfOnlyNeverADomain() {
    set("http://127.0.0.1:8080/", "a=1; Path=/");

    assertEquals("a=1", sent("http://127.0.0.1:9090/"));
    assertNull(sent("http://127.0.0.2:8080/"));
  }

  @Test
  void keepsABoundedNumberPerDomainDroppingTheOldest() {
    for (int i = 0; i <= CookieJar.PER_DOMAIN; i++) {
      set("http://example.com/", "c" + i + "=" + i + "; Path=/");
    }

    String header = sent("http://example.com/");
    assertEquals(CookieJar.PER_DOMAIN, header.split("; ").length);
    assertTrue(header.startsWith("c1=1; "), header);
  }

  @Test
  void readsAndWritesTheNetscapeFormatCurlWrites() throws IOException {
    Path file = Files.writeString(tmp.resolve("cookies.txt"), """
        # Netscape HTTP Cookie File
        # https://curl.se/docs/http-cookies.html

        .example.com\tTRUE\t/\tFALSE\t0\tsession\tabc
        #HttpOnly_www.example.com\tFALSE\t/app\tTRUE\t1900000000\ttoken\txyz
        old.example.org\tFALSE\t/\tFALSE\t1000\tgone\tyes
        """);

    jar.load(file);

    assertEquals("token=xyz; session=abc", sent("https://www.example.com/app/page"));
    assertEquals("session=abc", sent("http://sub.example.com/"));
    assertNull(sent("http://old.example.org/"));
    Path saved = tmp.resolve("saved.txt");
    jar.save(saved);
    List<String> lines = Files.readAllLines(saved).stream().filter(l -> !l.isBlank() && !l.startsWith("# ")).toList();
    assertEquals(List.of(".example.com\tTRUE\t/\tFALSE\t0\tsession\tabc",
        "#HttpOnly_www.example.com\tFALSE\t/app\tTRUE\t1900000000\ttoken\txyz"), lines);
  }

  @Test
  void aBrokenCookiesFileLineIsNamedWithItsNumber() throws IOException {
    Path file = Files.writeString(tmp.resolve("cookies.txt"), "# header\nexample.com TRUE / FALSE 0 a b\n");

    IOException e = assertThrows(IOException.class, () -> jar.load(file));

    assertEquals(file + ":2: not a cookies.txt line (7 fields separated by tabs)", e.getMessage());
  }

  @Test
  void keepsWhatChangedItsCookiesInOrderForOtherProcesses() {
    set("http://a.example/", "x=1");
    set("http://a.example/", "x=1");
    set("http://b.example/", "y=2");
    set("http://b.example/", "nonsense");

    assertEquals(2, jar.learnedCount(), "the same cookie again and a header without a cookie change nothing");
    assertEquals(List.of(new CookieJar.Learned("http://b.example/", List.of("y=2"))), jar.since(1));
  }
}
