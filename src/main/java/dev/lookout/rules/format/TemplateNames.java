package dev.lookout.rules.format;

import dev.lookout.rules.format.Template.FieldRef;
import dev.lookout.rules.format.Template.LabelRef;
import dev.lookout.rules.format.Template.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the names a template refers to against what one rule offers: its labels (identity,
 * written, and {@code alertname}), its params and its scope's variables. Field names of the
 * variables are the engine's to check, since only it knows the model.
 */
final class TemplateNames {
  private final Scope scope;
  private final Set<String> labels = new TreeSet<>();
  private final Set<String> params = new TreeSet<>();

  TemplateNames(Scope scope, Set<String> ruleLabels, List<Param> ruleParams) {
    this.scope = scope;
    labels.add("alertname");
    labels.addAll(scope.identityLabels());
    labels.addAll(ruleLabels);
    ruleParams.forEach(pm -> params.add(pm.name()));
  }

  List<String> check(Template template) {
    List<String> problems = new ArrayList<>();
    for (Part part : template.parts()) {
      if (part instanceof LabelRef l && !labels.contains(l.name()) && !scope.labelsFromData()) {
        problems.add("unknown label \"" + l.name() + "\" in {{ $labels." + l.name() + " }} "
            + "(labels of this rule: " + String.join(", ", labels) + ")");
      } else if (part instanceof FieldRef f) {
        check(f).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private java.util.Optional<String> check(FieldRef f) {
    String ref = "{{ " + f.variable() + "." + f.field() + " }}";
    if (f.variable().equals("params")) {
      return params.contains(f.field()) ? java.util.Optional.empty()
          : java.util.Optional.of("unknown param \"" + f.field() + "\" in " + ref + " (declare it "
              + "under params:" + (params.isEmpty() ? "" : ", or use one of: "
              + String.join(", ", params)) + ")");
    }
    if (!scope.variables().contains(f.variable())) {
      return java.util.Optional.of("unknown name \"" + f.variable() + "\" in " + ref + " (each "
          + scope.word() + " can use: " + String.join(", ", scope.variables())
          + ", $labels, $value, $runbook_base)");
    }
    return java.util.Optional.empty();
  }
}
