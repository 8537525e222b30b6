package io.hostk8s.dev.dap;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.CodeLensCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.HoverCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.ShowDocumentCapabilities;
import org.eclipse.lsp4j.StaleRequestCapabilities;
import org.eclipse.lsp4j.SynchronizationCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WindowShowMessageRequestCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;

/**
 * What LSP4IJ 0.20.1 sends, read from its sources (LanguageServerWrapper, ClientCapabilitiesFactory,
 * DebugAdapterDescriptor.createInitializeRequestArguments): the initialize params of its language client (process id,
 * root, one workspace folder, client info, trace off, no initializationOptions, the capabilities that matter to us)
 * and its DAP client's initialize arguments.
 */
final class Lsp4ij {
  private Lsp4ij() {}

  static InitializeParams initializeParams(Path project) {
    InitializeParams p = new InitializeParams();
    p.setProcessId((int) ProcessHandle.current().pid());
    p.setRootUri(project.toUri().toString());
    p.setRootPath(project.toString());
    p.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), project.getFileName().toString())));
    p.setClientInfo(new ClientInfo("IntelliJ IDEA", "2024.2.5"));
    p.setTrace("off");
    ClientCapabilities caps = new ClientCapabilities();
    GeneralClientCapabilities general = new GeneralClientCapabilities();
    StaleRequestCapabilities stale = new StaleRequestCapabilities();
    stale.setCancel(true);
    general.setStaleRequestSupport(stale);
    general.setPositionEncodings(List.of(PositionEncodingKind.UTF16));
    caps.setGeneral(general);
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setApplyEdit(true);
    ws.setConfiguration(true);
    ws.setExecuteCommand(new ExecuteCommandCapabilities(true));
    ws.setWorkspaceFolders(true);
    WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
    edit.setDocumentChanges(true);
    ws.setWorkspaceEdit(edit);
    ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
    ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(true));
    ws.setCodeLens(new CodeLensWorkspaceCapabilities(true));
    caps.setWorkspace(ws);
    TextDocumentClientCapabilities td = new TextDocumentClientCapabilities();
    PublishDiagnosticsCapabilities diags = new PublishDiagnosticsCapabilities();
    diags.setDataSupport(true);
    diags.setRelatedInformation(true);
    td.setPublishDiagnostics(diags);
    td.setCodeLens(new CodeLensCapabilities(true));
    td.setCompletion(new CompletionCapabilities());
    td.setHover(new HoverCapabilities(List.of("markdown", "plaintext"), true));
    td.setSynchronization(new SynchronizationCapabilities(true, true, true));
    caps.setTextDocument(td);
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(true);
    window.setShowDocument(new ShowDocumentCapabilities(true));
    window.setShowMessage(new WindowShowMessageRequestCapabilities());
    caps.setWindow(window);
    p.setCapabilities(caps);
    return p;
  }

  /** LSP4IJ's DAP initialize: client id lsp4ij.debug, adapter id = the configuration's type, paths, 1-based. */
  static InitializeRequestArguments dapInitialize(String type) {
    InitializeRequestArguments a = new InitializeRequestArguments();
    a.setClientID("lsp4ij.debug");
    a.setClientName("IntelliJ IDEA");
    a.setAdapterID(type);
    a.setPathFormat("path");
    a.setLinesStartAt1(true);
    a.setColumnsStartAt1(true);
    a.setSupportsRunInTerminalRequest(true);
    a.setSupportsStartDebuggingRequest(true);
    a.setSupportsVariableType(true);
    return a;
  }
}
