package dev.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crawl.cli.Main;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way: {@code cli → run → engine → fetch → store}, with {@code frontier} between
 * the engine and the crawl rules, {@code report} and {@code crawl} beside the flow, and the records
 * every layer shares in {@code core}, at the bottom. Read from the compiled classes, so that a fully
 * qualified name in the code counts as much as an import.
 */
class PackageDependencyTest {
  /** What each package may use, besides itself. */
  static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("core", Set.of()),
      Map.entry("input", Set.of("core")),
      Map.entry("archive", Set.of("core")),
      Map.entry("store", Set.of("core", "input")),
      Map.entry("fetch", Set.of("core", "input", "store", "archive")),
      Map.entry("crawl", Set.of("core", "input", "store")),
      Map.entry("report", Set.of("core", "input", "store")),
      Map.entry("frontier", Set.of("core", "input", "crawl")),
      Map.entry("engine", Set.of("core", "input", "store", "fetch", "crawl", "frontier", "archive")),
      Map.entry("run", Set.of("core", "input", "store", "fetch", "crawl", "report", "frontier", "engine", "archive")),
      Map.entry("demo", Set.of("core", "input", "store", "fetch", "report")),
      Map.entry("cli", Set.of("core", "input", "store", "fetch", "crawl", "report", "frontier", "engine", "run", "demo",
          "archive")));

  /** How finely packages are told apart: by their top package, or whole, sub-packages apart. */
  enum Granularity {
    // a class named in a class file: in a descriptor or a class entry, always with slashes
    TOP(Pattern.compile("dev/crawl/([a-z]+)/")) {
      @Override
      String packageOf(Path classFile) {
        return classFile.getName(0).toString();
      }
    },
    // the whole package of a named class, with slashes or, in a string, with dots
    WHOLE(Pattern.compile("dev[/.]crawl[/.]((?:[a-z0-9]+[/.])*?[a-z0-9]+)[/.][A-Z]")) {
      @Override
      String packageOf(Path classFile) {
        return classFile.getParent().toString().replace('\\', '/');
      }
    };

    /** Its group 1 is the package of a class named in a class file. */
    final Pattern reference;

    Granularity(Pattern reference) {
      this.reference = reference;
    }

    /** The package of a class file, given relative to {@code dev/crawl}. */
    abstract String packageOf(Path classFile);
  }

  @Test
  void noPackageUsesOneItMustNot() throws Exception {
    Map<String, Set<String>> actual = dependencies();

    assertTrue(actual.keySet().containsAll(Set.of("core", "fetch", "engine", "run", "cli")), actual.toString());
    assertEquals(List.of(), violations(actual));
  }

  @Test
  void everyPackageHasARule() throws Exception {
    assertEquals(new TreeSet<>(), new TreeSet<>(difference(dependencies().keySet(), ALLOWED.keySet())));
  }

  @Test
  void theRulesThemselvesHaveNoCycle() {
    assertEquals(List.of(), cycles(ALLOWED));
  }

  @Test
  void noPackageAtAnyDepthReachesItselfThroughOthers() throws Exception {
    // sub-packages too (report and report.html, fetch and fetch.transport.netty), and a class
    // named in a string (a worker's main class) as much as one in an import
    Map<String, Set<String>> uses = dependencies(Granularity.WHOLE);

    assertTrue(uses.containsKey("report/html") && uses.containsKey("fetch/transport/netty"), uses.keySet().toString());
    assertEquals(List.of(), cycles(uses));
  }

  @Test
  void aClassNamedInAStringCountsAsAUse() {
    Matcher m = Granularity.WHOLE.reference.matcher("\u0001\u0000\u0012dev.crawl.cli.Main");

    assertTrue(m.find());
    assertEquals("cli", m.group(1).replace('.', '/'));
  }

  @Test
  void aFetchClassUsingTheFrontierIsCaught() {
    // the shape before the bottom package existed: fetch and frontier used each other
    Map<String, Set<String>> before = Map.of("fetch", Set.of("frontier", "store"), "frontier", Set.of("fetch", "crawl"));

    assertEquals(List.of("fetch uses frontier", "frontier uses fetch"), violations(before));
    assertFalse(cycles(before).isEmpty());
  }

  static List<String> violations(Map<String, Set<String>> actual) {
    List<String> found = new ArrayList<>();
    new TreeMap<>(actual).forEach((pkg, uses) -> {
      for (String used : new TreeSet<>(uses)) {
        if (!ALLOWED.getOrDefault(pkg, Set.of()).contains(used)) {
          found.add(pkg + " uses " + used);
        }
      }
    });
    return found;
  }

  /** Packages that reach themselves through the given uses. */
  static List<String> cycles(Map<String, Set<String>> uses) {
    List<String> found = new ArrayList<>();
    for (String start : new TreeSet<>(uses.keySet())) {
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(uses.get(start));
      while (!todo.isEmpty()) {
        String next = todo.remove(todo.size() - 1);
        if (next.equals(start)) {
          found.add(start);
          break;
        }
        if (seen.add(next)) {
          todo.addAll(uses.getOrDefault(next, Set.of()));
        }
      }
    }
    return found;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  /** For each top package of the main classes, the other top packages its classes name. */
  static Map<String, Set<String>> dependencies() throws IOException, URISyntaxException {
    return dependencies(Granularity.TOP);
  }

  /** For each package of the main classes, told apart as {@code granularity} says, the other packages its classes name. */
  static Map<String, Set<String>> dependencies(Granularity granularity) throws IOException, URISyntaxException {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path root = classes.resolve("dev/crawl");
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String pkg = granularity.packageOf(root.relativize(file));
        Set<String> mine = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
        // ISO-8859-1 maps every byte to one char, so the constant pool's ASCII names read as written
        Matcher m = granularity.reference.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          String used = m.group(1).replace('.', '/');
          if (!used.equals(pkg)) {
            mine.add(used);
          }
        }
      }
    }
    return uses;
  }
}
