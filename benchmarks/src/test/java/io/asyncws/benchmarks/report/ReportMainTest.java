package io.asyncws.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The table run.sh prints, from result lines shaped like the load program's RESULT lines. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ReportMainTest {
  private static String result(int pass, String cell, String server, String payload, int size, double msgs) {
    return pass + "\t" + cell + "\t" + server + "\tmode=echo\tconns=1\tsize=" + size + "\tpayload=" + payload
        + "\tmsgs_per_s=" + msgs + "\tp50_us=10.0\tp99_us=20.0\tp999_us=30.0\tmb_per_s=1.0\terrors=0";
  }

  private static List<String> report(List<String> lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportMain.print(lines, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
  }

  @Test
  void reportShowsPayloadPerRowAndGeneratedAgainstOursOnSmallCellsOnly() {
    List<String> out = report(List.of(
        result(1, "small", "netty", "text", 32, 1000),
        result(1, "small", "ours", "text", 32, 2000),
        result(1, "small", "generated", "json", 32, 1500),
        result(2, "small", "ours", "text", 32, 2000),
        result(2, "small", "generated", "json", 32, 1700),
        result(1, "bulk", "ours", "binary", 65536, 100),
        result(1, "bulk", "generated", "json", 65536, 10)));
    assertTrue(out.contains("| small | generated | json | 2 | 1600 | ±6% | 1.60x | 10.0 | 20.0 | 30.0 | 1.00 | — | 0 |"),
        String.join("\n", out));
    assertTrue(out.contains("| bulk | ours | binary | 1 | 100 | — | — | 10.0 | 20.0 | 30.0 | 1.00 | — | 0 |"),
        String.join("\n", out));
    List<String> versus = out.subList(out.indexOf("| cell | generated msgs/s | ours msgs/s | vs ours | target | p50 us generated / ours |"), out.size());
    assertEquals(List.of(
        "| cell | generated msgs/s | ours msgs/s | vs ours | target | p50 us generated / ours |",
        "|---|---|---|---|---|---|",
        "| small | 1600 | 2000 | 0.80x | met | 10.0 / 10.0 |"), versus);
  }

  @Test
  void reportSaysByHowMuchTheGeneratedServerMissesTheTarget() {
    List<String> out = report(List.of(
        result(1, "small", "ours", "text", 32, 2000),
        result(1, "small", "generated", "json", 32, 1000)));
    assertEquals("| small | 1000 | 2000 | 0.50x | missed by 0.30x | 10.0 / 10.0 |", out.get(out.size() - 1));
  }

  @Test
  void reportLeavesOutTheComparisonWithoutAGeneratedServer() {
    List<String> out = report(List.of(result(1, "small", "ours", "text", 32, 2000)));
    assertTrue(out.stream().noneMatch(line -> line.contains("vs ours")), String.join("\n", out));
  }
}
