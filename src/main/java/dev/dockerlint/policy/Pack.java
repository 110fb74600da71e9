package dev.dockerlint.policy;

import java.util.List;

/**
 * The rules of one pack file, compiled.
 *
 * @param source the file as messages name it
 */
public record Pack(String source, List<PolicyRule> rules) {
  public Pack {
    rules = List.copyOf(rules);
  }
}
