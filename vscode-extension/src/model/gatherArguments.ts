// The palette's argument flow for one command, VS Code kept behind a port so the decisions are unit-tested: ask what
// the server describes (argumentPlan), then each CONFIRM — its preview command run with the answers so far (not the
// consent field), its result in a modal — and hand the answers over only when every consent was given. Pure.
import { CommandDescription } from '../protocol';
import { Ask, argumentPlan, commandArguments } from './argumentPlan';
import { ConsentDialog, consentDialog } from './consent';
import { present } from './resultView';

type Answerable = Exclude<Ask, { how: 'consent' }>;

/** What the flow needs from the IDE. */
export interface Prompter {
  /** One answer; undefined when the person cancelled. */
  answer(a: Answerable, title: string): Promise<{ value?: unknown } | undefined>;
  /** Runs a server command (the preview) and returns its result; throws when it failed or was cancelled. */
  preview(command: string, args: unknown[], title: string): Promise<unknown>;
  /** Shows the modal; true only when the person accepted. */
  consent(d: ConsentDialog): Promise<boolean>;
  /** A failed preview: shown once, like any failed command. */
  failed(title: string, e: unknown): void;
}

/**
 * The command's arguments, `given` ones (code lenses, tree rows) not asked again; undefined when the person cancelled
 * a question, refused a consent or the preview failed — then the command must not run.
 */
export async function gatherArguments(d: CommandDescription, given: Readonly<Record<string, unknown>>, p: Prompter,
  describe: (id: string) => CommandDescription | undefined): Promise<Record<string, unknown> | undefined> {
  const answers: Record<string, unknown> = { ...given };
  const title = `HostK8s: ${d.title}`;
  for (const a of argumentPlan(d.arguments, d.id).filter(x => !(x.name in given))) {
    if (a.how !== 'consent') {
      const r = await p.answer(a, title);
      if (r === undefined) return undefined;
      answers[a.name] = r.value;
      continue;
    }
    let dialog = consentDialog(a.prompt, undefined);
    if (a.preview) {
      const others = Object.fromEntries(Object.entries(answers).filter(([k]) => k !== a.name));
      const pd = describe(a.preview);
      const previewTitle = pd?.title ?? a.preview;
      let result: unknown;
      try {
        result = await p.preview(a.preview, commandArguments(others), previewTitle);
      } catch (e) {
        p.failed(previewTitle, e);
        return undefined;
      }
      dialog = consentDialog(a.prompt, present(pd?.result, result, others, previewTitle));
    }
    if (!(await p.consent(dialog))) return undefined;
    answers[a.name] = true;
  }
  return answers;
}
