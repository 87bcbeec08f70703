package dev.crawl.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgTest {

  @Test
  void aCoordinateHasAtMostTwoDecimalsAndNoTrailingZeros() {
    assertEquals("0", Svg.n(0));
    assertEquals("10", Svg.n(10.001));
    assertEquals("10.5", Svg.n(10.5));
    assertEquals("0.05", Svg.n(0.049999));
    assertEquals("-3.25", Svg.n(-3.25));
    assertEquals("0", Svg.n(-0.001));
    assertEquals("1234567.89", Svg.n(1234567.891));
  }

  @Test
  void aCoordinateReadsAsTheFormattedNumberDoes() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(7));
      double hundredths = Math.abs(v) * 100;
      if (Math.abs(hundredths - Math.floor(hundredths) - 0.5) < 1e-6) {
        continue; // a tie: binary and decimal rounding may differ in the last digit, invisibly
      }
      String formatted = String.format(Locale.US, "%.2f", v).replaceAll("\\.?0+$", "");
      if (formatted.equals("-0")) {
        formatted = "0";
      }
      assertEquals(formatted, Svg.n(v), "for " + v);
    }
  }
}
