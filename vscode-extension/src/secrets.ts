// The DigitalOcean token lives in SecretStorage; the server gets it only by asking (`hostk8s/secret`).
import * as vscode from 'vscode';

const KEY = 'hostk8s.digitalocean.token';
export const DO_TOKEN_SECRET = 'digitalocean.token';

export class DoToken {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** Asks for the token and stores it; false when the person cancelled. */
  async set(): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: 'DigitalOcean API token', prompt: 'Stored in VS Code secret storage; sent to the HostK8s server only when a cloud command needs it.',
      password: true, ignoreFocusOut: true, validateInput: v => (v.trim() ? undefined : 'The token must not be empty'),
    });
    if (value === undefined) return false;
    await this.secrets.store(KEY, value.trim());
    void vscode.window.showInformationMessage('HostK8s: DigitalOcean token saved in secret storage.');
    return true;
  }

  async clear(): Promise<void> {
    await this.secrets.delete(KEY);
    void vscode.window.showInformationMessage('HostK8s: DigitalOcean token removed.');
  }

  /** Answer to the server's `hostk8s/secret` request; asks the user when no token is stored. */
  async forServer(name: string): Promise<string | undefined> {
    if (name !== DO_TOKEN_SECRET) return undefined;
    const stored = await this.secrets.get(KEY);
    if (stored) return stored;
    await this.set();
    return this.secrets.get(KEY);
  }
}
