// Java discovery against real executables: the machine's JDK 17 and small scripts that print what old JVMs print.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { findJava, isFound, javaInHome, JavaFound, JavaNotFound } from '../src/java/javaFinder';
import { parseJavaMajor } from '../src/java/javaVersion';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hostk8s-java-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The real JDK home of the `java` on PATH (resolving /usr/bin/java → …/bin/java). */
function realJavaHome(): string | undefined {
  try {
    const exe = fs.realpathSync(execFileSync('sh', ['-c', 'command -v java']).toString().trim());
    return path.dirname(path.dirname(exe));
  } catch { return undefined; }
}
const realHome = realJavaHome();
const needJava = (t: { skip(msg: string): void }) => {
  if (realHome) return true;
  if (process.env.CI === 'true') assert.fail('java not found on PATH (CI=true)');
  t.skip('no java on PATH');
  return false;
};

function fakeHome(name: string, versionLine: string): string {
  const home = path.join(tmp, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const exe = javaInHome(home, 'linux');
  fs.writeFileSync(exe, `#!/bin/sh\necho '${versionLine}' >&2\n`, { mode: 0o755 });
  return home;
}
const noApproval = async () => assert.fail('approval must not be asked');

test('parses the version formats of old and new JVMs', () => {
  assert.equal(parseJavaMajor('openjdk version "17.0.13" 2024-10-15\nOpenJDK Runtime'), 17);
  assert.equal(parseJavaMajor('java version "1.8.0_351"'), 8);
  assert.equal(parseJavaMajor('openjdk version "21" 2023-09-19'), 21);
  assert.equal(parseJavaMajor('openjdk version "25-ea" 2025-09-16'), 25);
  assert.equal(parseJavaMajor('garbage'), undefined);
});

test('user setting wins and is checked by running java -version', async t => {
  if (!needJava(t)) return;
  const r = await findJava({ setting: { value: realHome, fromWorkspace: false }, env: { PATH: '' }, approve: noApproval });
  assert.ok(isFound(r), JSON.stringify(r));
  assert.equal((r as JavaFound).source, 'hostk8s.java.home');
  assert.ok((r as JavaFound).major >= 17);
});

test('a Java 8 setting is rejected and JAVA_HOME is used instead', async t => {
  if (!needJava(t)) return;
  const old = fakeHome('jdk8', 'java version "1.8.0_351"');
  const r = await findJava({ setting: { value: old, fromWorkspace: false }, env: { JAVA_HOME: realHome, PATH: '' }, approve: noApproval });
  assert.ok(isFound(r));
  assert.equal((r as JavaFound).source, 'JAVA_HOME');
});

test('PATH is the last resort', async t => {
  if (!needJava(t)) return;
  const r = await findJava({ setting: { fromWorkspace: false }, env: { PATH: path.join(realHome!, 'bin') }, approve: noApproval });
  assert.ok(isFound(r));
  assert.equal((r as JavaFound).source, 'PATH');
});

test('a workspace-level path needs approval; refused means it is not run', async t => {
  if (!needJava(t)) return;
  const asked: string[] = [];
  const refused = await findJava({ setting: { value: realHome, fromWorkspace: true }, env: { PATH: '' },
    approve: async h => { asked.push(h); return false; } });
  assert.deepEqual(asked, [realHome]);
  assert.ok(!isFound(refused));
  assert.match((refused as JavaNotFound).problems.join('\n'), /was not allowed/);
  const allowed = await findJava({ setting: { value: realHome, fromWorkspace: true }, env: { PATH: '' }, approve: async () => true });
  assert.equal((allowed as JavaFound).source, 'hostk8s.java.home');
});

test('nothing usable: every problem is listed with a fix', async () => {
  const old = fakeHome('jdk11', 'openjdk version "11.0.2" 2019-01-15');
  const broken = fakeHome('broken', 'not a jvm');
  const r = await findJava({ setting: { value: path.join(tmp, 'missing'), fromWorkspace: false },
    env: { JAVA_HOME: old, PATH: path.join(broken, 'bin') }, approve: noApproval });
  assert.ok(!isFound(r));
  const text = (r as JavaNotFound).problems.join('\n');
  assert.match(text, /hostk8s.java.home: .*missing\/bin\/java does not exist/);
  assert.match(text, /JAVA_HOME: .* is Java 11, 17 or newer is needed/);
  assert.match(text, /PATH: could not run/);
  assert.match((r as JavaNotFound).fix, /hostk8s.java.home/);
});
