package dev.crawl.cli;

import dev.crawl.archive.CdxjMerge;
import dev.crawl.input.InputException;
import dev.crawl.input.InputLine;
import dev.crawl.input.InputSource;
import dev.crawl.input.LineReader;
import dev.crawl.input.UrlParser;
import dev.crawl.report.FleetReport;
import dev.crawl.report.ResultsFile;
import dev.crawl.report.RunSummary;
import dev.crawl.report.html.HtmlReports;
import dev.crawl.report.html.Timeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Combine the reports of several runs (the shards of a fleet, or any runs) into one: results.jsonl,"
          + " summary.json, summary.md and report.html, with every run on one time axis.",
      "Try: crawl merge -o merged --list urls.txt out/shard-*"
    })
final class MergeCommand implements Callable<Integer> {
  static final String UNACCOUNTED = "unaccounted.txt";

  private final Io io;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "merged",
      description = "Write the merged reports to DIR (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--list", paramLabel = "FILE",
      description = "The URL list the runs shared (repeatable): its URLs that no run accounted for go to"
          + " DIR/" + UNACCOUNTED + ", and the exit status is 1.")
  List<Path> lists = new ArrayList<>();

  @Option(names = "--cdx", paramLabel = "INDEX",
      description = "CDXJ indexes the runs wrote (--warc-cdx; repeatable, or a shell glob): merged, sorted, into"
          + " DIR/" + MERGED_INDEX + ", for a replay tool to read beside the runs' WARC files.")
  List<Path> indexes = new ArrayList<>();

  static final String MERGED_INDEX = "index.cdxj";

  @Parameters(paramLabel = "RUN", arity = "1..*",
      description = "Output directories of runs (their .crawl reports are read), or report directories.")
  List<Path> runs;

  MergeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    for (Path index : indexes) {
      if (!Files.isRegularFile(index)) {
        throw new ExitException(ExitException.USAGE, "merge: --cdx " + index + " is not a file; give the .cdxj"
            + " indexes --warc-cdx wrote");
      }
    }
    List<FleetReport.Run> found = new ArrayList<>();
    for (Path dir : runs) {
      // a run killed before its summary still has its results.jsonl
      Path reports = Files.exists(dir.resolve(".crawl").resolve(ResultsFile.NAME)) ? dir.resolve(".crawl") : dir;
      if (!Files.exists(reports.resolve(ResultsFile.NAME))) {
        throw new ExitException(ExitException.USAGE, "merge: " + dir + " holds no crawl report (no "
            + ResultsFile.NAME + " in it or in its .crawl); give output directories of crawl runs");
      }
      found.add(new FleetReport.Run(reports, FleetReport.readSummary(reports)));
    }
    OutputDirectory.create(output);
    Timeline.Sampler timeline = new Timeline.Sampler();
    FleetReport.Merged merged = FleetReport.merge(found, output, timeline::add);
    RunSummary s = merged.summary();
    HtmlReports.writeRun(output, s, timeline.timeline());
    if (!indexes.isEmpty()) {
      long entries = CdxjMerge.merge(indexes, output.resolve(MERGED_INDEX));
      io.err().printf("crawl merge: %d index entries from %d CDXJ files in %s%n", entries, indexes.size(),
          output.resolve(MERGED_INDEX));
    }
    io.err().printf("crawl merge: %d runs: saved %d of %d URLs (%d failed), %.1f MB; %.2f s from the first start"
            + " to the last end, %.1f files/s; reports in %s%n",
        found.size(), s.counts().saved(), s.counts().total(), s.counts().failed(), s.bytes() / 1e6,
        s.wallSeconds(), s.filesPerSecond(), output);
    long missing = lists.isEmpty() ? 0 : unaccounted(merged.accounted());
    return missing > 0 || s.counts().failed() > 0 ? 1 : 0;
  }

  /** Writes the listed URLs no run reported to unaccounted.txt; returns how many. */
  private long unaccounted(Set<String> accounted) throws IOException {
    long listed = 0;
    long missing = 0;
    List<InputSource> sources = lists.stream().map(p -> InputSource.of(p.toString())).toList();
    try (LineReader lines = new LineReader(sources, new ByteArrayInputStream(new byte[0]));
        Writer out = Files.newBufferedWriter(output.resolve(UNACCOUNTED), StandardCharsets.UTF_8)) {
      for (InputLine line; (line = lines.next()) != null; ) {
        String text = line.text().strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        UrlParser.Parsed parsed = UrlParser.parse(text);
        String url = parsed.url() == null ? text : parsed.url().toString();
        listed++;
        if (!accounted.contains(url) && !accounted.contains(text)) {
          missing++;
          out.write(url);
          out.write('\n');
        }
      }
    } catch (InputException e) {
      throw new ExitException(ExitException.USAGE, "merge: --list: " + e.getMessage(), e);
    }
    io.err().printf(missing == 0
            ? "crawl merge: every one of the %d listed URLs is in a run's report%n"
            : "crawl merge: %2$d of the %1$d listed URLs are in no run's report: see %3$s%n",
        listed, missing, output.resolve(UNACCOUNTED));
    return missing;
  }
}
