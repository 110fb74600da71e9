package dev.dockerlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a composite action's steps the way GitHub's runner does, on this machine: each {@code shell:
 * bash} step as {@code bash --noprofile --norc -eo pipefail SCRIPT} in {@code GITHUB_WORKSPACE},
 * with its {@code env:} evaluated, {@code GITHUB_OUTPUT}, {@code GITHUB_ACTION_PATH} and {@code
 * RUNNER_TEMP} set, and {@code if:} conditions decided; a {@code uses:} step is recorded with its
 * evaluated {@code with:} and not run (the JDK is this machine's, a cache starts empty). Expressions
 * are the few forms the action uses; any other fails the test, so the action cannot come to depend
 * on one this runner would get wrong.
 */
final class ActionRunner {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern CONDITION = Pattern.compile("([a-z_.\\-]+)\\s*(==|!=)\\s*'([^']*)'");

  record StepRun(String name, int code, String out, Map<String, String> outputs) {}

  record Uses(String action, Map<String, String> with) {}

  record Result(int code, List<StepRun> steps, List<Uses> uses, Map<String, String> outputs) {
    String log() {
      StringBuilder all = new StringBuilder();
      for (StepRun step : steps) {
        all.append(step.out());
      }
      return all.toString();
    }

    StepRun step(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
  }

  final Path actionPath;
  final Path workspace;
  final Path runnerTemp;
  final Map<String, String> env = new HashMap<>();

  ActionRunner(Path actionPath, Path workspace, Path runnerTemp) {
    this.actionPath = actionPath;
    this.workspace = workspace;
    this.runnerTemp = runnerTemp;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(Path actionYml) throws IOException {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(actionYml));
  }

  @SuppressWarnings("unchecked")
  Result run(Map<String, String> given) throws Exception {
    Map<String, Object> action = load(actionPath.resolve("action.yml"));
    Map<String, String> inputs = new HashMap<>();
    for (Map.Entry<String, Map<String, Object>> input : ((Map<String, Map<String, Object>>) action.get("inputs")).entrySet()) {
      Object value = input.getValue().get("default");
      inputs.put(input.getKey(), value == null ? "" : value.toString());
    }
    for (String name : given.keySet()) {
      if (!inputs.containsKey(name)) {
        throw new IllegalArgumentException("the action has no input " + name);
      }
    }
    inputs.putAll(given);
    Map<String, Map<String, String>> stepOutputs = new HashMap<>();
    List<StepRun> runs = new ArrayList<>();
    List<Uses> uses = new ArrayList<>();
    Map<String, Object> runsSection = (Map<String, Object>) action.get("runs");
    int n = 0;
    for (Map<String, Object> step : (List<Map<String, Object>>) runsSection.get("steps")) {
      n++;
      String name = (String) step.getOrDefault("name", step.getOrDefault("uses", "step " + n));
      Object condition = step.get("if");
      if (condition != null && !condition(condition.toString(), inputs, stepOutputs)) {
        continue;
      }
      if (step.containsKey("uses")) {
        Map<String, String> with = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) step.getOrDefault("with", Map.of())).entrySet()) {
          with.put(e.getKey(), evaluate(String.valueOf(e.getValue()), inputs, stepOutputs));
        }
        uses.add(new Uses((String) step.get("uses"), with));
        continue;
      }
      if (!"bash".equals(step.get("shell"))) {
        throw new IllegalStateException("step '" + name + "' is not a bash step");
      }
      Path script = runnerTemp.resolve("step-" + n + ".sh");
      Files.writeString(script, (String) step.get("run"));
      Path output = runnerTemp.resolve("output-" + n);
      Files.writeString(output, "");
      ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
          .directory(workspace.toFile()).redirectErrorStream(true);
      Map<String, String> processEnv = pb.environment();
      processEnv.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.startsWith("DL_"));
      processEnv.putAll(env);
      processEnv.put("GITHUB_ACTIONS", "true");
      processEnv.put("CI", "true");
      processEnv.put("GITHUB_WORKSPACE", workspace.toString());
      processEnv.put("GITHUB_ACTION_PATH", actionPath.toString());
      processEnv.put("GITHUB_OUTPUT", output.toString());
      processEnv.put("RUNNER_TEMP", runnerTemp.toString());
      processEnv.put("RUNNER_OS", "Linux");
      for (Map.Entry<String, Object> e : ((Map<String, Object>) step.getOrDefault("env", Map.of())).entrySet()) {
        processEnv.put(e.getKey(), evaluate(String.valueOf(e.getValue()), inputs, stepOutputs));
      }
      Process p = pb.start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("step '" + name + "' did not finish");
      }
      Map<String, String> outputs = outputs(output);
      if (step.get("id") != null) {
        stepOutputs.put((String) step.get("id"), outputs);
      }
      runs.add(new StepRun(name, p.exitValue(), out, outputs));
      if (p.exitValue() != 0) {
        return new Result(p.exitValue(), runs, uses, actionOutputs(action, inputs, stepOutputs));
      }
    }
    return new Result(0, runs, uses, actionOutputs(action, inputs, stepOutputs));
  }

  @SuppressWarnings("unchecked")
  private Map<String, String> actionOutputs(Map<String, Object> action, Map<String, String> inputs,
      Map<String, Map<String, String>> stepOutputs) {
    Map<String, String> outputs = new HashMap<>();
    for (Map.Entry<String, Map<String, Object>> e : ((Map<String, Map<String, Object>>) action.get("outputs")).entrySet()) {
      outputs.put(e.getKey(), evaluate(String.valueOf(e.getValue().get("value")), inputs, stepOutputs));
    }
    return outputs;
  }

  /** {@code name=value} lines; the {@code name<<DELIMITER} form is not used by the action. */
  private static Map<String, String> outputs(Path file) throws IOException {
    Map<String, String> outputs = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (line.contains("<<") && (eq < 0 || line.indexOf("<<") < eq)) {
        throw new IllegalStateException("multi-line output not supported here: " + line);
      }
      if (eq > 0) {
        outputs.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return outputs;
  }

  private boolean condition(String condition, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    Matcher m = CONDITION.matcher(condition.strip());
    if (!m.matches()) {
      throw new IllegalStateException("condition not understood here: " + condition);
    }
    String left = value(m.group(1), inputs, steps);
    return m.group(2).equals("==") == left.equals(m.group(3));
  }

  private String evaluate(String text, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), inputs, steps)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String expression, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
    String[] parts = expression.split("\\.");
    if (parts.length == 2 && parts[0].equals("inputs")) {
      return require(inputs.get(parts[1]), expression);
    }
    if (parts.length == 4 && parts[0].equals("steps") && parts[2].equals("outputs")) {
      // a step output that was never set is the empty string, as on GitHub
      return steps.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
    }
    return switch (expression) {
      case "github.action_path" -> actionPath.toString();
      case "runner.temp" -> runnerTemp.toString();
      case "runner.os" -> "Linux";
      default -> throw new IllegalStateException("expression not understood here: " + expression);
    };
  }

  private static String require(String value, String expression) {
    if (value == null) {
      throw new IllegalStateException("no such input: " + expression);
    }
    return value;
  }
}
