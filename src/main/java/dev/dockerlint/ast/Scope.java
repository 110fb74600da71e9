package dev.dockerlint.ast;

import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.VariableExpander;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The variables visible just before an instruction, and expansion with them. */
public final class Scope {
  private final Map<String, Variable> variables;
  private final char escape;

  public Scope(Map<String, Variable> variables, char escape) {
    this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    this.escape = escape;
  }

  public Map<String, Variable> variables() {
    return variables;
  }

  public Optional<Variable> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /** Declared (with or without a value), so using it is not an undefined-variable mistake. */
  public boolean isDeclared(String name) {
    return variables.containsKey(name);
  }

  public Expansion expand(String text) {
    return VariableExpander.expand(text, escape, name -> {
      Variable v = variables.get(name);
      return v == null ? null : v.value();
    });
  }

  /** Expanded value of a token's text. */
  public String resolve(Token token) {
    return expand(token.text()).value();
  }
}
