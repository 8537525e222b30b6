// CONFIRM arguments (publish apply and teardown): the preview runs with the other answers, its result is the modal,
// and the command runs with the consent only when the person accepted. The flow with a recording fake of the IDE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandDescription } from '../src/protocol';
import { argumentPlan, commandArguments } from '../src/model/argumentPlan';
import { acceptLabel, ConsentDialog, consentDialog } from '../src/model/consent';
import { gatherArguments, Prompter } from '../src/model/gatherArguments';

const described: CommandDescription[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'commands.json'), 'utf8'));
const cmd = (id: string): CommandDescription => described.find(d => d.id === id)!;

const PLAN = {
  account: 'dev@example.com', apiUrl: 'http://127.0.0.1:4010', monthlyUsd: 53, hourlyUsd: 0.079, consentNeeded: false, apiCalls: 6,
  items: [], warnings: ['The registry name is taken by another account.'], summary: 'create cluster hostk8s-voting in fra1 — about $53.00/month',
  lines: ['create  cluster   hostk8s-voting  fra1, s-2vcpu-4gb × 2   $48.00/month', 'reuse   registry  hostk8s-voting  basic  $5.00/month'],
};
const STATUS = { ok: true, summary: 'running: hostk8s-voting in fra1', cloud: null, lines: ['cluster  hostk8s-voting  running'], apiCalls: 2 };

/** A fake IDE: answers picks with the first choice, runs previews from `results`, accepts or refuses the modal. */
function fakeIde(accept: boolean, results: Record<string, unknown> = {}) {
  const calls: { previews: [string, unknown[]][]; dialogs: ConsentDialog[]; asked: string[]; failed: string[] } =
    { previews: [], dialogs: [], asked: [], failed: [] };
  const p: Prompter = {
    answer: async a => { calls.asked.push(a.name); return { value: a.how === 'pick' ? a.choices[0] : 'typed' }; },
    preview: async (command, args) => {
      calls.previews.push([command, args]);
      if (!(command in results)) throw new Error(`7001 no token for ${command}`);
      return results[command];
    },
    consent: async d => { calls.dialogs.push(d); return accept; },
    failed: (title) => { calls.failed.push(title); },
  };
  return { p, calls };
}

/** What the palette does: gather, then run only with a complete set of answers. */
async function palette(id: string, given: Record<string, unknown>, p: Prompter): Promise<unknown[][]> {
  const ran: unknown[][] = [];
  const answers = await gatherArguments(cmd(id), given, p, x => described.find(d => d.id === x));
  if (answers !== undefined) ran.push([id, ...commandArguments(answers)]);
  return ran;
}

test('publish asks nothing but the consent: cluster, region, node size… come from hostk8s.dev.yaml', () => {
  assert.deepEqual(argumentPlan(cmd('hostk8s.publish.apply').arguments, 'hostk8s.publish.apply'),
    [{ how: 'consent', name: 'yes', prompt: 'Create or reuse these DigitalOcean resources? They bill while they exist.', preview: 'hostk8s.publish.plan' }]);
  assert.deepEqual(argumentPlan(cmd('hostk8s.publish.teardown').arguments, 'hostk8s.publish.teardown').map(a => [a.how, a.name, (a as any).preview]),
    [['consent', 'yes', 'hostk8s.publish.status']]);
  // plan and status are their own previews: nothing to consent to before them
  assert.deepEqual(argumentPlan(cmd('hostk8s.publish.plan').arguments, 'hostk8s.publish.plan'), []);
  assert.deepEqual(argumentPlan(cmd('hostk8s.publish.status').arguments, 'hostk8s.publish.status'), []);
});

test('a consent is asked after every other answer, whatever its place in the description', () => {
  const plan = argumentPlan([
    { name: 'yes', kind: 'CONFIRM', prompt: 'Go?', required: false, choices: [], preview: 'x.preview' },
    { name: 'service', kind: 'SERVICE', prompt: 'Service', required: true, choices: ['vote'] },
  ], 'x.run');
  assert.deepEqual(plan.map(a => [a.how, a.name]), [['pick', 'service'], ['consent', 'yes']]);
});

test('accepted: the plan ran with the other arguments (no consent field), its result was the modal, apply runs with yes: true', async () => {
  const { p, calls } = fakeIde(true, { 'hostk8s.publish.plan': PLAN });
  const ran = await palette('hostk8s.publish.apply', { region: 'ams3' }, p);
  assert.deepEqual(calls.previews, [['hostk8s.publish.plan', [{ region: 'ams3' }]]]);
  assert.deepEqual(ran, [['hostk8s.publish.apply', { region: 'ams3', yes: true }]]);
  assert.deepEqual(calls.asked, [], 'no optional string or integer asked');
  assert.equal(calls.dialogs.length, 1);
  const d = calls.dialogs[0];
  assert.equal(d.message, 'HostK8s: Publish plan: create cluster hostk8s-voting in fra1 — about $53.00/month');
  assert.deepEqual(d.detail.split('\n'), [...PLAN.lines, 'The registry name is taken by another account.', '',
    'Create or reuse these DigitalOcean resources? They bill while they exist.']);
  assert.equal(d.accept, 'Continue');
});

test('without given arguments the preview gets none, and apply runs with the consent alone', async () => {
  const { p, calls } = fakeIde(true, { 'hostk8s.publish.plan': PLAN });
  assert.deepEqual(await palette('hostk8s.publish.apply', {}, p), [['hostk8s.publish.apply', { yes: true }]]);
  assert.deepEqual(calls.previews, [['hostk8s.publish.plan', []]]);
});

test('refused: the modal was shown and nothing runs, no error reported', async () => {
  const { p, calls } = fakeIde(false, { 'hostk8s.publish.status': STATUS });
  assert.deepEqual(await palette('hostk8s.publish.teardown', {}, p), []);
  assert.deepEqual(calls.previews, [['hostk8s.publish.status', []]]);
  assert.equal(calls.dialogs[0].message, 'HostK8s: Publish status: running: hostk8s-voting in fra1');
  assert.match(calls.dialogs[0].detail, /^cluster {2}hostk8s-voting {2}running\n\nDelete what HostK8s created/);
  assert.deepEqual(calls.failed, []);
});

test('a failed preview is reported once and neither the modal nor the command follows', async () => {
  const { p, calls } = fakeIde(true, {});
  assert.deepEqual(await palette('hostk8s.publish.apply', {}, p), []);
  assert.deepEqual(calls.failed, ['Plan publishing to DigitalOcean (what is created or reused, and what it costs)']);
  assert.deepEqual(calls.dialogs, []);
});

test('a consent already given (a fix button, a code lens) is not asked again; plan and status run straight away', async () => {
  const { p, calls } = fakeIde(false, {});
  assert.deepEqual(await palette('hostk8s.publish.apply', { yes: true }, p), [['hostk8s.publish.apply', { yes: true }]]);
  assert.deepEqual(await palette('hostk8s.publish.plan', {}, p), [['hostk8s.publish.plan']]);
  assert.deepEqual(await palette('hostk8s.publish.status', {}, p), [['hostk8s.publish.status']]);
  assert.deepEqual([calls.previews, calls.dialogs], [[], []]);
});

test('a consent without a preview shows its prompt; short prompts name the accept button', () => {
  assert.deepEqual(consentDialog('Delete the cluster?', undefined), { message: 'Delete the cluster?', detail: '', accept: 'Delete the cluster' });
  assert.equal(acceptLabel('Create or reuse these DigitalOcean resources? They bill while they exist.'), 'Continue');
  assert.equal(acceptLabel(''), 'Continue');
});
