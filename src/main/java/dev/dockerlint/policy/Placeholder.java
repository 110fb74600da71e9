package dev.dockerlint.policy;

import java.util.Locale;

/** The parts of a match a rule's message can quote: {@code {image}}, {@code {tag}} and so on. */
enum Placeholder {
  IMAGE,
  TAG,
  VALUE,
  COMMAND,
  KEY,
  STAGE;

  static final int COUNT = values().length;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Placeholder named(String name) {
    for (Placeholder p : values()) {
      if (p.label().equals(name)) {
        return p;
      }
    }
    return null;
  }

  static String list() {
    StringBuilder all = new StringBuilder();
    for (Placeholder p : values()) {
      all.append(all.length() == 0 ? "" : ", ").append('{').append(p.label()).append('}');
    }
    return all.toString();
  }
}
