package dev.dockerlint.bench;

import dev.dockerlint.ast.Dockerfile;
import dev.dockerlint.parse.DockerfileParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing one typical Dockerfile (lines, instructions, flags, the shell of every RUN), hot. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
  private String text;

  @Setup
  public void read() {
    text = BenchFiles.typical();
  }

  @Benchmark
  public Dockerfile parse() {
    return DockerfileParser.parse("Dockerfile", text);
  }
}
