// Runs `java -version` and reads the major version. Node APIs only (no vscode), unit-tested with real JVMs.
import { execFile } from 'node:child_process';

/** Major version from `java -version` output: `"17.0.9"` → 17, `"1.8.0_351"` → 8, `"21"` → 21. */
export function parseJavaMajor(output: string): number | undefined {
  const m = /version "([^"]+)"/.exec(output);
  if (!m) return undefined;
  const parts = m[1].split(/[._+-]/).map(Number);
  if (Number.isNaN(parts[0])) return undefined;
  return parts[0] === 1 && parts.length > 1 ? parts[1] : parts[0];
}

export interface JavaVersionResult { major?: number; output: string; error?: string }

export function runJavaVersion(javaExe: string, timeoutMs = 20000): Promise<JavaVersionResult> {
  return new Promise(resolve => {
    execFile(javaExe, ['-version'], { timeout: timeoutMs, windowsHide: true }, (err, stdout, stderr) => {
      const output = `${stderr}${stdout}`;
      if (err) resolve({ output, error: err.message });
      else resolve({ major: parseJavaMajor(output), output });
    });
  });
}
