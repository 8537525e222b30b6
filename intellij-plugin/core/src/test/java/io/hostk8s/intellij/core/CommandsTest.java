package io.hostk8s.intellij.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.intellij.core.commands.ArgumentFlow;
import io.hostk8s.intellij.core.commands.ArgumentPlan;
import io.hostk8s.intellij.core.commands.Ask;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import io.hostk8s.intellij.core.commands.ConsentDialog;
import io.hostk8s.intellij.core.commands.Presentation;
import io.hostk8s.intellij.core.commands.Prompter;
import io.hostk8s.intellij.core.commands.ResultPresenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Tools → HostK8s actions, their prompts and their result messages from the server jar's real command list. */
class CommandsTest {
  @Test
  void oneActionPerAnnouncedAndDescribedCommandWithTheServersTitle() throws Exception {
    List<CommandDescription> described = Fixtures.commands();
    CommandCatalog all = Fixtures.catalog();
    assertThat(all.commands()).hasSize(described.size());
    assertThat(all.commands().stream().map(c -> CommandCatalog.actionId(c.id())).distinct()).hasSize(described.size());
    assertThat(CommandCatalog.commandOf(CommandCatalog.actionId("hostk8s.up"))).isEqualTo("hostk8s.up");
    assertThat(all.get("hostk8s.up").orElseThrow().title()).startsWith("Up: start the cluster");
    assertThat(all.byCategory().keySet()).contains("Cluster", "Deploy", "Sync", "Debug", "Publish");
    CommandCatalog some = CommandCatalog.of(List.of("hostk8s.status", "hostk8s.not.described"), described);
    assertThat(some.commands()).extracting(CommandDescription::id).containsExactly("hostk8s.status");
    assertThat(CommandCatalog.CLIENT_COMMANDS).allMatch(id -> !all.offers(id));
  }

  @Test
  void promptsFollowTheServersArgumentDescriptions() throws Exception {
    CommandCatalog c = Fixtures.catalog();
    assertThat(ArgumentPlan.of(c.get("hostk8s.restart").orElseThrow().arguments(), "hostk8s.restart"))
        .containsExactly(new Ask.Pick("service", "Service", List.of("vote", "worker", "result"), false));
    assertThat(ArgumentPlan.of(c.get("hostk8s.build").orElseThrow().arguments(), "hostk8s.build"))
        .as("optional service: a list with (default) first; optional boolean left to the server")
        .containsExactly(new Ask.Pick("service", "Service to build (none: all)", List.of("vote", "worker", "result"), true));
    assertThat(ArgumentPlan.of(c.get("hostk8s.sync.explain").orElseThrow().arguments(), "hostk8s.sync.explain"))
        .extracting(Ask::getClass).containsExactly((Class) Ask.Pick.class, (Class) Ask.File.class);
    assertThat(ArgumentPlan.of(c.get("hostk8s.debug.endpoint").orElseThrow().arguments(), null))
        .containsExactly(new Ask.Pick("service", "Service to debug", List.of("vote", "worker"), false));
    List<Ask> apply = ArgumentPlan.of(c.get("hostk8s.publish.apply").orElseThrow().arguments(), "hostk8s.publish.apply");
    assertThat(apply).hasSize(1).first().isInstanceOfSatisfying(Ask.Consent.class,
        k -> assertThat(k.preview()).isEqualTo("hostk8s.publish.plan"));
    assertThat(ArgumentPlan.inputProblem(ArgumentKind.INTEGER, "8o")).isEqualTo("A whole number, e.g. 80.");
    assertThat(ArgumentPlan.inputProblem(ArgumentKind.NUMBER, "2.5")).isNull();
    assertThat(ArgumentPlan.inputProblem(ArgumentKind.STRING, " ")).isEqualTo("A value is required.");
    assertThat(ArgumentPlan.parse(ArgumentKind.INTEGER, " 80 ")).isEqualTo(80L);
    assertThat(ArgumentPlan.commandArguments(Map.of())).isEmpty();
  }

  /** A prompter that answers from a script and records what it was shown. */
  static final class Scripted implements Prompter {
    final List<String> calls = new ArrayList<>();
    final Object answer;
    final boolean accept;
    ConsentDialog shown;

    Scripted(Object answer, boolean accept) {
      this.answer = answer;
      this.accept = accept;
    }

    @Override public Optional<Object> answer(Ask ask, String title) { calls.add("ask " + ask.name()); return Optional.ofNullable(answer); }
    @Override public Object preview(String command, List<Object> args, String title) {
      calls.add("preview " + command + " " + args + " (" + title + ")");
      JsonObject plan = new JsonObject();
      plan.addProperty("summary", "Creates a cluster for $24.00/month");
      plan.add("lines", new com.google.gson.Gson().toJsonTree(List.of("create cluster hostk8s", "create registry hostk8s")));
      return plan;
    }
    @Override public boolean consent(ConsentDialog d) { shown = d; calls.add("consent"); return accept; }
    @Override public void failed(String title, Throwable e) { calls.add("failed " + title); }
  }

  @Test
  void publishApplyShowsThePlanAndRunsOnlyWhenAccepted() throws Exception {
    CommandCatalog c = Fixtures.catalog();
    CommandDescription apply = c.get("hostk8s.publish.apply").orElseThrow();
    Scripted yes = new Scripted(null, true);
    Optional<Map<String, Object>> args = ArgumentFlow.gather(apply, Map.of("region", "fra1"), yes, c::get);
    assertThat(args).contains(Map.of("region", "fra1", "yes", true));
    assertThat(yes.calls.get(0)).isEqualTo("preview hostk8s.publish.plan [{region=fra1}] ("
        + c.get("hostk8s.publish.plan").orElseThrow().title() + ")");
    assertThat(yes.shown.detail()).contains("create cluster hostk8s").endsWith(apply.arguments().get(apply.arguments().size() - 1).prompt());
    Scripted no = new Scripted(null, false);
    assertThat(ArgumentFlow.gather(apply, Map.of(), no, c::get)).isEmpty();
  }

  @Test
  void aCancelledQuestionRunsNothingAndDefaultLeavesTheArgumentOut() throws Exception {
    CommandCatalog c = Fixtures.catalog();
    assertThat(ArgumentFlow.gather(c.get("hostk8s.restart").orElseThrow(), Map.of(), new Scripted(null, true), c::get)).isEmpty();
    assertThat(ArgumentFlow.gather(c.get("hostk8s.build").orElseThrow(), Map.of(), new Scripted(Prompter.NONE, true), c::get))
        .contains(Map.of());
    assertThat(ArgumentFlow.gather(c.get("hostk8s.restart").orElseThrow(), Map.of("service", "vote"), new Scripted(null, true), c::get))
        .as("given by a tool-window row: not asked").contains(Map.of("service", "vote"));
  }

  @Test
  void resultsAreShownAsTheServersViewSaysWithNumbersAsTheServerWroteThem() throws Exception {
    CommandDescription forward = Fixtures.catalog().get("hostk8s.forward.start").orElseThrow();
    Object reply = Fixtures.lsp4ijShaped("{\"service\":\"vote\",\"name\":\"http\",\"localPort\":18080,\"remotePort\":80,"
        + "\"state\":\"active\",\"url\":\"http://127.0.0.1:18080/\"}");
    Presentation p = ResultPresenter.present(forward.result(), reply, Map.of("service", "vote"), forward.title());
    assertThat(p.text()).isEqualTo("HostK8s: vote is forwarded to 127.0.0.1:18080.");
    assertThat(p.url()).isEqualTo("http://127.0.0.1:18080/");
    assertThat(p.urlLabel()).isEqualTo("Open in Browser");
    ResultView view = ResultView.message("{ok}").withOk("ok").withLines("lines").withFixes("fixes");
    Object bad = com.google.gson.JsonParser.parseString("{\"ok\":false,\"lines\":[\"a\",\"b\"],\"fixes\":[{\"title\":\"Start Sandbox\","
        + "\"command\":\"hostk8s.sandbox.up\",\"arguments\":[{\"port\":5005}]},{\"title\":\"\"}]}");
    Presentation w = ResultPresenter.present(view, bad, Map.of(), "X");
    assertThat(w.warning()).isTrue();
    assertThat(w.lines()).containsExactly("a", "b");
    assertThat(w.fixes()).hasSize(1);
    assertThat(w.fixes().get(0).arguments().toString()).as("sent back as the server wrote them").isEqualTo("[{\"port\":5005}]");
    assertThat(ResultPresenter.fill("{missing} {a.b}", Fixtures.lsp4ijShaped("{\"a\":{\"b\":[1,2]}}"))).isEqualTo("— 1, 2");
  }
}
