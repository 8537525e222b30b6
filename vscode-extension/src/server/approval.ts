// A `hostk8s.java.home` from workspace settings runs a program chosen by the workspace: ask once, remember.
import * as vscode from 'vscode';

const KEY = 'hostk8s.java.home.decisions';

export async function askJavaHomeApproval(ctx: vscode.ExtensionContext, javaHome: string): Promise<boolean> {
  const decisions = ctx.globalState.get<Record<string, boolean>>(KEY, {});
  if (javaHome in decisions) return decisions[javaHome];
  const allow = 'Allow', deny = 'Do Not Allow';
  const answer = await vscode.window.showWarningMessage(
    `This workspace sets "hostk8s.java.home" to ${javaHome}. Allow it to run the HostK8s server with that Java?`,
    { modal: true }, allow, deny);
  if (answer === undefined) return false;
  await ctx.globalState.update(KEY, { ...decisions, [javaHome]: answer === allow });
  return answer === allow;
}
