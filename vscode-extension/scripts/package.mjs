// npm run package: bundle, copy the server jar into server/ and the repository's docs/ into docs/ (the walkthrough's
// tutorial links open docs/tutorials/ of that copy when the workspace has none; the whole docs/ so the tutorials'
// links to the other pages and their images resolve there too), build the .vsix.
// Jar: $HOSTK8S_SERVER_JAR, else ../server/target/hostk8s-dev-server.jar. Output: $VSIX_OUT or hostk8s-dev.vsix.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const jar = process.env.HOSTK8S_SERVER_JAR || path.join(root, '..', 'server', 'target', 'hostk8s-dev-server.jar');
if (!fs.existsSync(jar)) {
  console.error(`server jar not found: ${jar} (build it with mvn -pl server package, or set HOSTK8S_SERVER_JAR)`);
  process.exit(1);
}
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run('node', ['scripts/bundle.mjs']);
fs.mkdirSync(path.join(root, 'server'), { recursive: true });
fs.copyFileSync(jar, path.join(root, 'server', 'hostk8s-dev-server.jar'));
fs.rmSync(path.join(root, 'tutorials'), { recursive: true, force: true }); // (the copy's place before 2026-12)
const docs = path.join(root, 'docs');
fs.rmSync(docs, { recursive: true, force: true });
fs.cpSync(path.join(root, '..', 'docs'), docs, { recursive: true });
const out = process.env.VSIX_OUT || path.join(root, 'hostk8s-dev.vsix');
run(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', out]);
console.log(`packaged ${out}`);
