package dev.dockerlint.ast;

import dev.dockerlint.shell.Expansion;
import dev.dockerlint.shell.VariableExpander;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables visible just before an instruction, and expansion with them.
 *
 * <p>A scope is a prefix of a stage's assignments (a {@link Chain}) laid over what the stage
 * starts with: the end of the stage it is built on, or nothing. Copying the whole map for every
 * instruction made a stage of many ENV lines quadratic (20,000 ENV lines took minutes), and copying
 * it for every stage did the same to a long chain of stages; a prefix costs nothing to make, and a
 * lookup is a binary search per stage of the chain.
 */
public final class Scope {
  private final Map<String, Variable> start;
  private final Scope parent;
  private final Chain chain;
  private final int length;
  private final char escape;
  private volatile Map<String, Variable> variables;

  public Scope(Map<String, Variable> variables, char escape) {
    this(Collections.unmodifiableMap(new LinkedHashMap<>(variables)), null, null, 0, escape);
  }

  private Scope(Map<String, Variable> start, Scope parent, Chain chain, int length, char escape) {
    this.start = start;
    this.parent = parent;
    this.chain = chain;
    this.length = length;
    this.escape = escape;
  }

  /** Every visible variable, in the order they were first declared. */
  public Map<String, Variable> variables() {
    Map<String, Variable> result = variables;
    if (result == null) {
      if (length == 0) {
        result = parent != null ? parent.variables() : start;
        variables = result;
        return result;
      }
      Map<String, Variable> all = new LinkedHashMap<>(parent != null ? parent.variables() : start);
      for (int i = 0; i < length; i++) {
        Variable v = chain.assignments.get(i);
        all.put(v.name(), v);
      }
      result = Collections.unmodifiableMap(all);
      variables = result;
    }
    return result;
  }

  public Optional<Variable> get(String name) {
    return Optional.ofNullable(lookup(name));
  }

  private Variable lookup(String name) {
    for (Scope scope = this; scope != null; scope = scope.parent) {
      if (scope.length > 0) {
        Chain.Positions positions = scope.chain.positions.get(name);
        if (positions != null) {
          int latest = positions.lastBefore(scope.length);
          if (latest >= 0) {
            return scope.chain.assignments.get(latest);
          }
        }
      }
      if (scope.parent == null) {
        return scope.start.get(name);
      }
    }
    return null;
  }

  /** Declared (with or without a value), so using it is not an undefined-variable mistake. */
  public boolean isDeclared(String name) {
    return lookup(name) != null;
  }

  /** Declared with a value (an ARG without a default has none). */
  public boolean hasValue(String name) {
    Variable v = lookup(name);
    return v != null && v.value() != null;
  }

  public Expansion expand(String text) {
    return VariableExpander.expand(text, escape, new Values(this));
  }

  /**
   * A WORKDIR, COPY or ADD path expanded with these variables, as far as it is known before the
   * build: the expanded text when its beginning is known (every variable it uses has a value, or it
   * does not start with a variable, so whether it is absolute does not depend on one). Empty
   * otherwise, since a path led by a variable without a value (an ARG set only by --build-arg, ENV
   * from the base image) is unknown, and on an expansion error.
   */
  public Optional<String> expandPath(String text) {
    Expansion expansion = expand(text);
    if (expansion.error() != null) {
      return Optional.empty();
    }
    boolean allKnown = true;
    for (String name : expansion.references()) {
      Optional<Variable> v = get(name);
      if (v.isEmpty() || v.get().value() == null) {
        allKnown = false;
        break;
      }
    }
    if (allKnown) {
      return Optional.of(expansion.value());
    }
    return startsWithVariable(text) ? Optional.empty() : Optional.of(expansion.value());
  }

  /** True when the text, after any opening quotes, begins with {@code $}. */
  private static boolean startsWithVariable(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '$';
  }

  /** Expanded value of a token's text. */
  public String resolve(Token token) {
    return expand(token.text()).value();
  }

  /**
   * The assignments of one stage, in order, from which each instruction's {@link Scope} is a
   * prefix. Append-only while the build model is made, read-only after.
   */
  public static final class Chain {
    private final Map<String, Variable> start;
    private final Scope parent;
    private final char escape;
    private final List<Variable> assignments = new ArrayList<>();
    private final Map<String, Positions> positions = new HashMap<>();
    private Scope current;

    public Chain(Map<String, Variable> start, char escape) {
      this.start = Collections.unmodifiableMap(new LinkedHashMap<>(start));
      this.parent = null;
      this.escape = escape;
    }

    /** A stage built on another: it starts with what that stage ended with. */
    public Chain(Scope parent, char escape) {
      this.start = Map.of();
      this.parent = parent;
      this.escape = escape;
    }

    /** Declares or redeclares a variable; scopes made before do not see it. */
    public void put(Variable variable) {
      Positions at = positions.get(variable.name());
      if (at == null) {
        at = new Positions();
        positions.put(variable.name(), at);
      }
      at.add(assignments.size());
      assignments.add(variable);
      current = null;
    }

    /** The variables as of now; instructions with no assignment between them share one. */
    public Scope current() {
      if (current == null) {
        current = new Scope(start, parent, this, assignments.size(), escape);
      }
      return current;
    }

    /** Ascending indexes into {@code assignments} of one name. */
    private static final class Positions {
      private int[] indexes = new int[2];
      private int size;

      void add(int index) {
        if (size == indexes.length) {
          indexes = java.util.Arrays.copyOf(indexes, size * 2);
        }
        indexes[size++] = index;
      }

      /** The largest index below {@code limit}, or -1. */
      int lastBefore(int limit) {
        int low = 0;
        int high = size - 1;
        int found = -1;
        while (low <= high) {
          int mid = (low + high) >>> 1;
          if (indexes[mid] < limit) {
            found = indexes[mid];
            low = mid + 1;
          } else {
            high = mid - 1;
          }
        }
        return found;
      }
    }
  }

  /** A variable's value for the expander, or null when it is unset (a class, not a lambda: see Stage.ofType). */
  private static final class Values implements java.util.function.Function<String, String> {
    private final Scope scope;

    Values(Scope scope) {
      this.scope = scope;
    }

    @Override
    public String apply(String name) {
      Variable v = scope.lookup(name);
      return v == null ? null : v.value();
    }
  }
}
