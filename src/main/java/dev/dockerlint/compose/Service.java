package dev.dockerlint.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * A service of a compose project, after {@code extends} and the merge of several files.
 *
 * @param key the service's name where it is written
 * @param body its definition (an empty mapping for {@code web:} with no value)
 */
public record Service(String name, YamlNode.Scalar key, YamlNode.Mapping body) {
  public YamlNode get(String key) {
    return body.get(key);
  }

  public YamlNode.Scalar scalar(String key) {
    return body.scalar(key);
  }

  public YamlNode.Mapping mapping(String key) {
    return body.mapping(key);
  }

  /** The key of one of the service's entries, or the service's name when it has none. */
  public YamlNode.Scalar keyOf(String entry) {
    YamlNode.Entry found = body.entry(entry);
    return found != null ? found.key() : key;
  }

  /**
   * The names of a list or mapping of names ({@code depends_on: [db]} or {@code depends_on: {db: ...}},
   * {@code cap_add: [NET_ADMIN]}), each with where it is written.
   */
  public List<YamlNode.Scalar> names(String entry) {
    List<YamlNode.Scalar> names = new ArrayList<>();
    YamlNode value = body.get(entry);
    if (value instanceof YamlNode.Sequence sequence) {
      names.addAll(sequence.scalars());
    } else if (value instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry e : mapping.entries()) {
        names.add(e.key());
      }
    }
    return names;
  }
}
