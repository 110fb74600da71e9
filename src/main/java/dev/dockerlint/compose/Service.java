package dev.dockerlint.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

  /** Whether the service builds its image ({@code build:}): its {@code image} then names what it builds. */
  public boolean builds() {
    return body.get("build") != null;
  }

  /**
   * The image the service pulls, when its value is known here; null when it has none, or builds
   * its image (its {@code image} then names what it builds).
   */
  public YamlNode.Scalar pulledImage() {
    YamlNode.Scalar image = body.scalar("image");
    return image == null || !image.known() || image.text().isEmpty() || builds() ? null : image;
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

  /**
   * A variable of {@code environment}.
   *
   * @param at where it is written: the key of the mapping form, the item of the list form
   * @param value its value node (the item itself in the list form), or null when it has none (taken from the shell)
   * @param text its value, interpolated; null when it has none
   */
  public record Variable(String name, YamlNode.Scalar at, YamlNode.Scalar value, String text) {}

  /** The service's {@code environment}, mapping or list form ({@code NAME=value}). */
  public List<Variable> environment() {
    List<Variable> variables = new ArrayList<>();
    YamlNode value = body.get("environment");
    if (value instanceof YamlNode.Mapping mapping) {
      for (YamlNode.Entry entry : mapping.entries()) {
        YamlNode.Scalar v = entry.value() instanceof YamlNode.Scalar s && s.type() != YamlNode.Type.NULL ? s : null;
        variables.add(new Variable(entry.key().text(), entry.key(), v, v == null ? null : v.text()));
      }
    } else if (value instanceof YamlNode.Sequence sequence) {
      for (YamlNode.Scalar item : sequence.scalars()) {
        int eq = item.text().indexOf('=');
        variables.add(eq < 0 ? new Variable(item.text(), item, null, null)
            : new Variable(item.text().substring(0, eq), item, item, item.text().substring(eq + 1)));
      }
    }
    return variables;
  }

  /**
   * A volume of the service.
   *
   * @param node the item (short syntax) or its {@code source} (long syntax)
   * @param source the host path or volume name; null for an anonymous volume
   * @param bind whether the source is a host path
   */
  public record Mount(YamlNode node, String source, String target, boolean readOnly, boolean bind) {}

  /** The service's {@code volumes}, short ({@code /src:/dst:ro}) and long syntax. */
  public List<Mount> mounts() {
    List<Mount> mounts = new ArrayList<>();
    if (!(body.get("volumes") instanceof YamlNode.Sequence sequence)) {
      return mounts;
    }
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlNode.Scalar s && s.known()) {
        String[] parts = s.text().split(":", -1);
        if (parts.length == 1) {
          mounts.add(new Mount(s, null, parts[0], false, false));
          continue;
        }
        String mode = parts.length > 2 ? parts[2] : "";
        boolean readOnly = false;
        for (String option : mode.split(",")) {
          readOnly |= option.equals("ro") || option.equals("readonly");
        }
        mounts.add(new Mount(s, parts[0], parts[1], readOnly, isHostPath(parts[0])));
      } else if (item instanceof YamlNode.Mapping m) {
        YamlNode.Scalar source = m.scalar("source");
        YamlNode.Scalar target = m.scalar("target");
        YamlNode.Scalar type = m.scalar("type");
        YamlNode.Scalar readOnly = m.scalar("read_only");
        boolean bind = type != null ? type.text().equals("bind") : source != null && isHostPath(source.text());
        mounts.add(new Mount(source != null ? source : m, source == null ? null : source.text(),
            target == null ? null : target.text(), readOnly != null && readOnly.isTrue(), bind));
      }
    }
    return mounts;
  }

  private static boolean isHostPath(String source) {
    return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
  }

  /**
   * A published port.
   *
   * @param hostIp the host address it listens on; empty for every interface
   * @param published the host port or range; empty when Docker picks one
   * @param target the container port or range
   */
  public record Port(YamlNode node, String hostIp, String published, String target, String protocol) {}

  /** The service's {@code ports}, short ({@code 127.0.0.1:8080:80/tcp}) and long syntax. */
  public List<Port> ports() {
    List<Port> ports = new ArrayList<>();
    if (!(body.get("ports") instanceof YamlNode.Sequence sequence)) {
      return ports;
    }
    for (YamlNode item : sequence.items()) {
      if (item instanceof YamlNode.Scalar s && s.known()) {
        String text = s.text();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
          protocol = text.substring(slash + 1).toLowerCase(Locale.ROOT);
          text = text.substring(0, slash);
        }
        String hostIp = "";
        if (text.startsWith("[")) {
          int close = text.indexOf(']');
          hostIp = close < 0 ? "" : text.substring(1, close);
          text = close < 0 ? text : text.substring(Math.min(text.length(), close + 2));
        }
        String[] parts = text.split(":", -1);
        if (parts.length == 3) {
          hostIp = parts[0];
          ports.add(new Port(s, hostIp, parts[1], parts[2], protocol));
        } else if (parts.length == 2) {
          ports.add(new Port(s, hostIp, parts[0], parts[1], protocol));
        } else {
          ports.add(new Port(s, hostIp, "", parts[0], protocol));
        }
      } else if (item instanceof YamlNode.Mapping m) {
        YamlNode.Scalar published = m.scalar("published");
        YamlNode.Scalar target = m.scalar("target");
        YamlNode.Scalar hostIp = m.scalar("host_ip");
        YamlNode.Scalar protocol = m.scalar("protocol");
        ports.add(new Port(published != null ? published : m, hostIp == null ? "" : hostIp.text(),
            published == null ? "" : published.text(), target == null ? "" : target.text(),
            protocol == null ? "tcp" : protocol.text().toLowerCase(Locale.ROOT)));
      }
    }
    return ports;
  }

  /** {@code "Service 'web'"}, how messages name it. */
  public String describe() {
    return "Service '" + name + "'";
  }
}
