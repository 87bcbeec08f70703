package dev.crawl.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One host's robots.txt rules for our product token (RFC 9309): the group naming {@code crawl},
 * else the {@code *} group; the longest matching Allow/Disallow wins, a tie goes to Allow;
 * {@code *} and {@code $} in patterns. Also the Crawl-delay, which the standard leaves out but
 * polite crawlers honour.
 */
public final class Robots {
  public static final Robots ALLOW_ALL = new Robots(List.of(), 0);
  public static final Robots DISALLOW_ALL = new Robots(List.of(new Rule(false, "/", Pattern.compile("^/"))), 0);

  record Rule(boolean allow, String text, Pattern pattern) {}

  private final List<Rule> rules;
  private final double crawlDelaySeconds;

  private Robots(List<Rule> rules, double crawlDelaySeconds) {
    this.rules = rules;
    this.crawlDelaySeconds = crawlDelaySeconds;
  }

  public boolean allows(URI url) {
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    Rule best = null;
    for (Rule r : rules) {
      if (r.pattern().matcher(path).lookingAt()) {
        if (best == null || r.text().length() > best.text().length()
            || (r.text().length() == best.text().length() && r.allow())) {
          best = r;
        }
      }
    }
    return best == null || best.allow();
  }

  public double crawlDelaySeconds() {
    return crawlDelaySeconds;
  }

  /** The rules of {@code text} that apply to {@code productToken}. */
  public static Robots parse(String text, String productToken) {
    List<Group> groups = new ArrayList<>();
    Group current = null;
    boolean inRules = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "user-agent" -> {
          if (current == null || inRules) {
            current = new Group();
            groups.add(current);
            inRules = false;
          }
          current.agents.add(value.toLowerCase(Locale.ROOT));
        }
        case "allow", "disallow" -> {
          if (current != null) {
            inRules = true;
            if (!value.isEmpty()) {
              current.rules.add(new Rule(key.equals("allow"), value, toPattern(value)));
            }
          }
        }
        case "crawl-delay" -> {
          if (current != null) {
            inRules = true;
            try {
              current.crawlDelay = Math.max(0, Double.parseDouble(value));
            } catch (NumberFormatException ignored) {
              // a malformed delay is no delay
            }
          }
        }
        default -> {
          // sitemap and others: not rules
        }
      }
    }
    String token = productToken.toLowerCase(Locale.ROOT);
    Group chosen = groups.stream().filter(g -> g.agents.stream().anyMatch(token::equals)).findFirst()
        .orElse(groups.stream().filter(g -> g.agents.contains("*")).findFirst().orElse(null));
    return chosen == null ? ALLOW_ALL : new Robots(List.copyOf(chosen.rules), chosen.crawlDelay);
  }

  private static Pattern toPattern(String rule) {
    boolean anchored = rule.endsWith("$");
    String body = anchored ? rule.substring(0, rule.length() - 1) : rule;
    StringBuilder regex = new StringBuilder("^");
    for (String part : body.split("\\*", -1)) {
      if (regex.length() > 1) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    if (anchored) {
      regex.append('$');
    }
    return Pattern.compile(regex.toString());
  }

  private static final class Group {
    final List<String> agents = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    double crawlDelay;
  }
}
