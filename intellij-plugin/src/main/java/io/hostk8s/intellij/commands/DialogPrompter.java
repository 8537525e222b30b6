package io.hostk8s.intellij.commands;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.fileChooser.FileChooser;
import com.intellij.openapi.fileChooser.FileChooserDescriptorFactory;
import com.intellij.openapi.fileEditor.FileEditorManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.InputValidator;
import com.intellij.openapi.ui.Messages;
import com.intellij.openapi.vfs.VirtualFile;
import io.hostk8s.intellij.core.commands.ArgumentPlan;
import io.hostk8s.intellij.core.commands.Ask;
import io.hostk8s.intellij.core.commands.ConsentDialog;
import io.hostk8s.intellij.core.commands.Prompter;
import io.hostk8s.intellij.core.errors.ErrorData;
import io.hostk8s.intellij.core.errors.ErrorView;
import io.hostk8s.intellij.lsp.HostK8sNotifier;
import io.hostk8s.intellij.lsp.HostK8sServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The core's prompts as IntelliJ dialogs: called off the EDT, each dialog shown and awaited on the EDT. */
final class DialogPrompter implements Prompter {
  private final Project project;

  DialogPrompter(Project project) {
    this.project = project;
  }

  private static <T> T onEdt(Supplier<T> dialog) {
    AtomicReference<T> out = new AtomicReference<>();
    ApplicationManager.getApplication().invokeAndWait(() -> out.set(dialog.get()), ModalityState.any());
    return out.get();
  }

  @Override
  public Optional<Object> answer(Ask ask, String title) {
    return onEdt(() -> switch (ask) {
      case Ask.Pick p -> pick(p, title);
      case Ask.File f -> file(f);
      case Ask.Input i -> Optional.ofNullable((Object) Messages.showInputDialog(project, i.prompt(), title, null,
          i.example(), validator(i))).map(t -> ArgumentPlan.parse(i.kind(), (String) t));
      case Ask.YesNo y -> {
        int r = Messages.showYesNoCancelDialog(project, y.prompt(), title, null);
        yield r == Messages.CANCEL ? Optional.empty() : Optional.of((Object) (r == Messages.YES));
      }
      case Ask.Consent c -> Optional.empty(); // the flow asks consents through consent()
    });
  }

  private Optional<Object> pick(Ask.Pick p, String title) {
    List<String> items = new ArrayList<>();
    if (p.optional()) {
      items.add(ArgumentPlan.DEFAULT_ITEM);
    }
    items.addAll(p.choices());
    int i = Messages.showChooseDialog(project, p.prompt(), title, null, items.toArray(String[]::new), items.get(0));
    if (i < 0) {
      return Optional.empty();
    }
    return Optional.of(p.optional() && i == 0 ? NONE : items.get(i));
  }

  private Optional<Object> file(Ask.File f) {
    VirtualFile[] selected = FileEditorManager.getInstance(project).getSelectedFiles();
    if (selected.length > 0) {
      return Optional.of(selected[0].getPath());
    }
    if (f.optional()) {
      return Optional.of(NONE);
    }
    // no file editor open: ask for one, as VS Code does, instead of doing nothing
    VirtualFile chosen = FileChooser.chooseFile(FileChooserDescriptorFactory.createSingleFileDescriptor(), project, null);
    return chosen == null ? Optional.empty() : Optional.of(chosen.getPath());
  }

  private static InputValidator validator(Ask.Input i) {
    return new InputValidator() {
      @Override
      public boolean checkInput(String text) {
        return ArgumentPlan.inputProblem(i.kind(), text) == null;
      }

      @Override
      public boolean canClose(String text) {
        return checkInput(text);
      }
    };
  }

  @Override
  public Object preview(String command, List<Object> args, String title) throws Exception {
    return HostK8sServer.exec(project, command, args).get(30, TimeUnit.MINUTES);
  }

  @Override
  public boolean consent(ConsentDialog d) {
    return onEdt(() -> Messages.showOkCancelDialog(project, d.detail().isEmpty() ? d.message() : d.message() + "\n\n" + d.detail(),
        "HostK8s", d.accept(), Messages.getCancelButton(), Messages.getWarningIcon()) == Messages.OK);
  }

  @Override
  public void failed(String title, Throwable error) {
    ApplicationManager.getApplication().invokeLater(() -> HostK8sNotifier.error(project, ErrorView.of(title, ErrorData.of(error))));
  }
}
