package dev.dockerlint.ast;

/**
 * A top-level {@code COPY --from=value} and the stage it is in: how the value relates to the stages
 * of the file. See {@link Dockerfile#copyFroms()}.
 */
public record CopyFrom(Stage stage, Copy copy, Flag flag) {
  public String value() {
    return flag.value();
  }

  /** A stage index: digits only (at most nine). */
  public boolean isNumeric() {
    String v = value();
    if (v.isEmpty() || v.length() > 9) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** True when the value names the stage the COPY is in, by name (any case) or by index. */
  public boolean namesOwnStage() {
    if (isNumeric()) {
      return Integer.parseInt(value()) == stage.index();
    }
    return stage.name() != null && stage.name().equalsIgnoreCase(value());
  }

  /** Contains {@code /}, {@code :}, {@code .} or {@code @}, as image references usually do. */
  public boolean looksLikeImage() {
    String v = value();
    return v.indexOf('/') >= 0 || v.indexOf(':') >= 0 || v.indexOf('.') >= 0 || v.indexOf('@') >= 0;
  }
}
