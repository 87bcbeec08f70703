package dev.crawl.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One host's robots.txt rules for our product token, read by crawler-commons' RFC 9309 parser: the
 * group naming {@code crawl}, else the {@code *} group; the longest matching Allow/Disallow wins, a
 * tie goes to Allow; {@code *} and {@code $} in patterns. Also the Crawl-delay, which the standard
 * leaves out but polite crawlers honour, and the Sitemap lines.
 */
public final class Robots {
  public static final Robots ALLOW_ALL = new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL));
  public static final Robots DISALLOW_ALL = new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE));

  private final BaseRobotRules rules;

  private Robots(BaseRobotRules rules) {
    this.rules = rules;
  }

  public boolean allows(URI url) {
    return rules.isAllowed(url.toString());
  }

  public double crawlDelaySeconds() {
    long millis = rules.getCrawlDelay();
    return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? 0 : millis / 1000.0;
  }

  /** The sitemaps robots.txt names, as written. */
  public List<String> sitemaps() {
    return List.copyOf(rules.getSitemaps());
  }

  /** The rules of {@code text} that apply to {@code productToken}. */
  public static Robots parse(String text, String productToken) {
    return parse(URI.create("http://robots.invalid/robots.txt"), text.getBytes(StandardCharsets.UTF_8), productToken);
  }

  /** The rules of the robots.txt at {@code url} that apply to {@code productToken}. */
  public static Robots parse(URI url, byte[] body, String productToken) {
    // a parser is cheap and keeps a warning count: one each, so that threads share nothing
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    // honour any Crawl-delay, however long, rather than the parser's default of refusing the site
    parser.setMaxCrawlDelay(Long.MAX_VALUE);
    return new Robots(parser.parseContent(url.toString(), body, "text/plain", List.of(productToken.toLowerCase(Locale.ROOT))));
  }
}
