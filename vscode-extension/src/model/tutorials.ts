// The tutorials the walkthrough's steps open: a file and a part's heading anchor, checked against this list so a
// walkthrough link cannot open an arbitrary path. The workspace's docs/tutorials/ when it has them (this repository
// opened), else the copy of docs/ packaged with the extension (a person's own project opened): the same relative path
// in both, so the tutorials' links to the other docs pages resolve in either. Pure.

export const TUTORIALS: readonly string[] = ['README.md', 'development-workflows.md', 'digitalocean-deployment.md'];

/**
 * The path segments of a tutorial relative to the workspace or to the installed extension (its packaged docs/), or
 * undefined for a file that is not one.
 */
export function tutorialPath(file: unknown): string[] | undefined {
  const name = tutorialName(file);
  return name ? ['docs', 'tutorials', name] : undefined;
}

function tutorialName(file: unknown): string | undefined {
  const name = typeof file === 'string' && file ? file : 'README.md';
  return TUTORIALS.includes(name) ? name : undefined;
}

/** The `{file, anchor}` of each `command:hostk8s.vscode.openTutorial?[…]` link in a walkthrough step's description. */
export function tutorialLinks(description: string): { file: string; anchor?: string }[] {
  return [...description.matchAll(/\(command:hostk8s\.vscode\.openTutorial\?([^)]+)\)/g)].map(m => {
    const [file, anchor] = JSON.parse(decodeURIComponent(m[1])) as [string, string?];
    return { file, anchor };
  });
}
