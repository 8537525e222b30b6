// The extension's settings as a plain object, read through a getter so it is testable without vscode.

export interface Settings {
  javaHome: string;
  vmargs: string[];
  serverJar: string;
  trace: 'off' | 'messages' | 'verbose';
}

export type Getter = <T>(key: string) => T | undefined;

/** Splits JVM arguments on spaces, keeping "quoted parts" together: `-Da="x y" -Xmx1g` → [`-Da=x y`, `-Xmx1g`]. */
export function parseVmargs(text: string | undefined): string[] {
  const out: string[] = [];
  const re = /(?:[^\s"']+|"[^"]*"|'[^']*')+/g;
  for (const m of (text ?? '').matchAll(re)) out.push(m[0].replace(/["']/g, ''));
  return out;
}

export function readSettings(get: Getter): Settings {
  const trace = get<string>('trace.server');
  return {
    javaHome: (get<string>('java.home') ?? '').trim(),
    vmargs: parseVmargs(get<string>('server.vmargs') ?? '-Xmx512m'),
    serverJar: (get<string>('server.jar') ?? '').trim(),
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
  };
}

/** The JVM command line of the server (without the java executable). */
export function serverArgs(settings: Settings, jar: string): string[] {
  return [...settings.vmargs, '-XX:+ExitOnOutOfMemoryError', '-jar', jar, 'lsp'];
}
