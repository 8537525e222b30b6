package io.hostk8s.intellij.commands;

import com.intellij.openapi.fileEditor.FileEditorManager;
import com.intellij.openapi.project.Project;
import com.intellij.testFramework.LightVirtualFile;

/** A result shown as a document (the server's "document" view): read-only JSON in an editor tab. */
final class ResultDocument {
  private ResultDocument() {}

  static void open(Project project, String title, String json) {
    LightVirtualFile file = new LightVirtualFile(title + ".json", json);
    file.setWritable(false);
    FileEditorManager.getInstance(project).openFile(file, true);
  }
}
