package io.hostk8s.intellij.core.commands;

import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The argument flow of one command, as in the VS Code palette: ask what the server describes (ArgumentPlan), then
 * each CONFIRM — its preview command run with the answers so far, its result in a modal — and hand the answers over
 * only when every consent was given. Arguments already {@code given} (code lenses, tool-window rows) are not asked.
 */
public final class ArgumentFlow {
  private ArgumentFlow() {}

  /** The answers, or empty when the person cancelled, refused a consent or the preview failed (nothing must run). */
  public static Optional<Map<String, Object>> gather(CommandDescription d, Map<String, ?> given, Prompter p,
      Function<String, Optional<CommandDescription>> describe) {
    Map<String, Object> answers = new LinkedHashMap<>(given);
    String title = "HostK8s: " + d.title();
    for (Ask a : ArgumentPlan.of(d.arguments(), d.id())) {
      if (given.containsKey(a.name())) {
        continue;
      }
      if (!(a instanceof Ask.Consent c)) {
        Optional<Object> r = p.answer(a, title);
        if (r.isEmpty()) {
          return Optional.empty();
        }
        answers.put(a.name(), r.get() == Prompter.NONE ? null : r.get());
        continue;
      }
      ConsentDialog dialog = ConsentDialog.of(c.prompt(), null);
      if (c.preview() != null) {
        Map<String, Object> others = new LinkedHashMap<>(answers);
        others.remove(c.name());
        Optional<CommandDescription> pd = describe.apply(c.preview());
        String previewTitle = pd.map(CommandDescription::title).orElse(c.preview());
        Object result;
        try {
          result = p.preview(c.preview(), ArgumentPlan.commandArguments(others), previewTitle);
        } catch (Exception e) {
          p.failed(previewTitle, e);
          return Optional.empty();
        }
        dialog = ConsentDialog.of(c.prompt(),
            ResultPresenter.present(pd.map(CommandDescription::result).orElse(null), result, others, previewTitle));
      }
      if (!p.consent(dialog)) {
        return Optional.empty();
      }
      answers.put(c.name(), true);
    }
    answers.values().removeIf(java.util.Objects::isNull);
    return Optional.of(answers);
  }
}
