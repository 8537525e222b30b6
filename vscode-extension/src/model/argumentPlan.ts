// What to ask for a command's arguments, from the server's argument descriptions. Pure (no vscode import).
import { ArgumentDescription, ArgumentKind } from '../protocol';

/** The first item of an optional pick: leave the argument out (the server's default, which the prompt names). */
export const DEFAULT_ITEM = '(default)';

export type Ask =
  /** Quick pick of `choices`; `optional` adds DEFAULT_ITEM first. */
  | { how: 'pick'; name: string; prompt: string; choices: string[]; optional: boolean }
  /** The active editor's file path. */
  | { how: 'file'; name: string; prompt: string; optional: boolean }
  /** Input box, parsed by `kind`. */
  | { how: 'input'; name: string; prompt: string; kind: ArgumentKind; example?: string }
  /** Yes / No. */
  | { how: 'confirm'; name: string; prompt: string }
  /** CONFIRM: run `preview` with the other answers, show its result in a modal; true only when accepted. */
  | { how: 'consent'; name: string; prompt: string; preview?: string };

/**
 * SERVICE and CHOICE: a quick pick of the choices (a SERVICE without choices: an input box when required);
 * FILE: the active editor's file; BOOLEAN, INTEGER, NUMBER, STRING: asked only when required, else left out (the
 * server takes hostk8s.dev.yaml's value or its default). CONFIRM: asked last, after the answers its preview needs;
 * not asked of `command` itself when it is its own preview (a plan is what the person would consent to, so there is
 * nothing to consent to before it).
 */
export function argumentPlan(args: readonly ArgumentDescription[], command?: string): Ask[] {
  const plan: Ask[] = [];
  const consents: Ask[] = [];
  for (const a of args) {
    const base = { name: a.name, prompt: a.prompt };
    switch (a.kind) {
      case 'SERVICE':
      case 'DEBUG_SERVICE':
      case 'CHOICE':
        if (a.choices?.length) plan.push({ how: 'pick', ...base, choices: [...a.choices], optional: !a.required });
        else if (a.required) plan.push({ how: 'input', ...base, kind: 'STRING', example: a.example ?? undefined });
        break;
      case 'FILE':
        plan.push({ how: 'file', ...base, optional: !a.required });
        break;
      case 'BOOLEAN':
        if (a.required) plan.push({ how: 'confirm', ...base });
        break;
      case 'CONFIRM':
        if (!command || a.preview !== command) consents.push({ how: 'consent', ...base, preview: a.preview ?? undefined });
        break;
      default:
        if (a.required) plan.push({ how: 'input', ...base, kind: a.kind, example: a.example ?? undefined });
    }
  }
  return [...plan, ...consents];
}

/** Why `text` is not a valid `kind` value, or undefined when it is. */
export function inputProblem(kind: ArgumentKind, text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'A value is required.';
  if (kind === 'INTEGER' && !/^-?\d+$/.test(t)) return 'A whole number, e.g. 80.';
  if (kind === 'NUMBER' && !Number.isFinite(Number(t))) return 'A number, e.g. 300.';
  return undefined;
}

export function parseInput(kind: ArgumentKind, text: string): string | number {
  return kind === 'INTEGER' || kind === 'NUMBER' ? Number(text.trim()) : text.trim();
}

/** The executeCommand arguments: one object with the answered fields, or none at all. */
export function commandArguments(answers: Readonly<Record<string, unknown>>): unknown[] {
  const fields = Object.entries(answers).filter(([, v]) => v !== undefined);
  return fields.length ? [Object.fromEntries(fields)] : [];
}
