package dev.dockerlint.report;

import java.io.IOException;

/** Writes a report in one output format. Output must be byte-for-byte deterministic. */
public interface Reporter {
  void write(Report report, Appendable out) throws IOException;
}
