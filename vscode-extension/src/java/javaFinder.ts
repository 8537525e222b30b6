// Finds a Java ≥ 17 for the server: setting `hostk8s.java.home` → JAVA_HOME → `java` on PATH.
// A path from workspace settings is used only after `approve` says yes. No vscode import (unit-tested).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runJavaVersion } from './javaVersion';

export const MIN_JAVA = 17;

export interface JavaHomeSetting { value?: string; fromWorkspace: boolean }

export interface FinderInput {
  setting: JavaHomeSetting;
  env: NodeJS.ProcessEnv;
  /** Asked only for a workspace-level setting; false skips that candidate. */
  approve: (javaHome: string) => Promise<boolean>;
  platform?: NodeJS.Platform;
}

export interface JavaFound { java: string; major: number; source: string }
export interface JavaNotFound { problems: string[]; fix: string }

function exeName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'java.exe' : 'java';
}

export function javaInHome(home: string, platform: NodeJS.Platform = process.platform): string {
  return path.join(home, 'bin', exeName(platform));
}

export function javaOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | undefined {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, exeName(platform));
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

async function check(java: string, source: string, problems: string[]): Promise<JavaFound | undefined> {
  if (!fs.existsSync(java)) {
    problems.push(`${source}: ${java} does not exist`);
    return undefined;
  }
  const v = await runJavaVersion(java);
  if (v.major === undefined) {
    problems.push(`${source}: could not run ${java} -version (${v.error ?? v.output.trim().split('\n')[0]})`);
    return undefined;
  }
  if (v.major < MIN_JAVA) {
    problems.push(`${source}: ${java} is Java ${v.major}, ${MIN_JAVA} or newer is needed`);
    return undefined;
  }
  return { java, major: v.major, source };
}

export async function findJava(input: FinderInput): Promise<JavaFound | JavaNotFound> {
  const platform = input.platform ?? process.platform;
  const problems: string[] = [];
  const home = input.setting.value?.trim();
  if (home) {
    if (input.setting.fromWorkspace && !(await input.approve(home))) {
      problems.push(`hostk8s.java.home: workspace value ${home} was not allowed`);
    } else {
      const found = await check(javaInHome(home, platform), 'hostk8s.java.home', problems);
      if (found) return found;
    }
  }
  const javaHome = input.env.JAVA_HOME?.trim();
  if (javaHome) {
    const found = await check(javaInHome(javaHome, platform), 'JAVA_HOME', problems);
    if (found) return found;
  }
  const onPath = javaOnPath(input.env, platform);
  if (onPath) {
    const found = await check(onPath, 'PATH', problems);
    if (found) return found;
  } else {
    problems.push('PATH: no java executable');
  }
  return {
    problems,
    fix: `Install a JDK ${MIN_JAVA} or newer (e.g. \`apt-get install openjdk-17-jre-headless\` or https://adoptium.net) ` +
      'and set "hostk8s.java.home" in your user settings to its directory.',
  };
}

export function isFound(r: JavaFound | JavaNotFound): r is JavaFound {
  return (r as JavaFound).java !== undefined;
}
