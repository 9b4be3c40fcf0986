package dev.talentgraph.importers.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * 1,000,000 experts with 5,000,000 HAS_SKILL through the importer, in a JVM capped at 2 GiB of
 * heap: target under 10 minutes on 2 cores. Runs {@link ScaleBenchmark} in a child JVM so the heap
 * cap is real.
 *
 * <p>Run: {@code ./mvnw -pl importers -am verify -Dit.test=ScaleBenchmarkIT -Dtalent.bench=true}
 * ({@code -Dtalent.bench.experts=100000} for a quick look).
 */
@EnabledIfSystemProperty(named = "talent.bench", matches = "true|scale")
class ScaleBenchmarkIT {
  @Test
  void millionExpertsFiveMillionSkillsUnderTenMinutesIn2GiB() throws Exception {
    int experts = Integer.getInteger("talent.bench.experts", 1_000_000);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx2g",
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                ScaleBenchmark.class.getName(),
                String.valueOf(experts),
                "5"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String line;
    String result = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      while ((line = r.readLine()) != null) {
        if (line.startsWith("SCALE ")) result = line;
        if (!line.contains("DEBUG")) System.out.println(line);
      }
    }
    assertThat(p.waitFor(20, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(result).isNotNull();
    Matcher m =
        Pattern.compile("hasSkill=(\\d+).*seconds=([\\d.]+).*peakHeapMiB=(\\d+)").matcher(result);
    assertThat(m.find()).isTrue();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(experts * 5L);
    if (experts == 1_000_000) assertThat(Double.parseDouble(m.group(2))).isLessThan(600);
    assertThat(Long.parseLong(m.group(3))).isLessThan(2048);
  }
}
