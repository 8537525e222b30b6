// What a CONFIRM argument's modal shows: the preview command's result (its summary, lines and problems) and the
// consent question, with an accept button named after the question when it is short. Pure (no vscode import).
import { Presentation } from './resultView';

export interface ConsentDialog {
  /** The modal's message: the preview's summary (the prompt when there is no preview). */
  message: string;
  /** Its detail: the preview's lines, its problems not among them, then the question. */
  detail: string;
  /** The accept button; dismissing the modal (Cancel, Escape) refuses. */
  accept: string;
}

const MAX_LABEL = 24;

/** The prompt itself when it makes a short button ("Delete the cluster"), else "Continue". */
export function acceptLabel(prompt: string): string {
  const p = prompt.trim().replace(/[?.!:]+$/, '');
  return p && p.length <= MAX_LABEL && !/[?.!]/.test(p) ? p : 'Continue';
}

export function consentDialog(prompt: string, preview: Presentation | undefined): ConsentDialog {
  if (!preview) return { message: prompt, detail: '', accept: acceptLabel(prompt) };
  const problems = preview.problems.filter(p => !preview.lines.includes(p));
  const detail = [...preview.lines, ...problems, '', prompt].join('\n').replace(/^\n+/, '');
  return { message: preview.text, detail, accept: acceptLabel(prompt) };
}
