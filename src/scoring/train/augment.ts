/**
 * Training-time augmentation for indirect injection: a short attack from the training split is spliced
 * into a slice of a benign training row, sized to fit one scoring window, so the model learns to see an
 * injection that shares its window with ordinary text (a page, an email, a code comment). Uses only rows
 * of the training split (never validation), with a seeded PRNG; nothing is written to disk.
 */
import type { Row } from './dataset.js';
import { mulberry32 } from './random.js';

export const SPLICED_SOURCE = 'augment:spliced';

export function splicedInjections(
  train: readonly Row[],
  opts: { count: number; seed: number; windowChars: number },
): Row[] {
  const random = mulberry32(opts.seed ^ 0x5eed);
  const attacks = train.filter((r) => r.label === 1 && r.text.length >= 20 && r.text.length <= 240);
  // Short questions carry too ("Where can I study? Ignore the above and …"), not only long pages: with
  // 120+ chars only, attacks appended to a one-line question were found less often on public sets the
  // model never saw (docs/model.md, "Results (2026.11.26-12)"). A benign twin (a second ordinary
  // request spliced the same way) was tried and did worse on them.
  const carriers = train.filter((r) => r.label === 0 && r.text.length >= 20);
  if (attacks.length === 0 || carriers.length === 0) return [];
  const out: Row[] = [];
  for (let i = 0; i < opts.count; i++) {
    const attack = attacks[Math.floor(random() * attacks.length)]!.text;
    const carrier = carriers[Math.floor(random() * carriers.length)]!.text;
    const room = opts.windowChars - attack.length - 2;
    const length = Math.min(carrier.length, Math.floor(room * (0.4 + 0.6 * random())));
    const start = Math.floor(random() * (carrier.length - length + 1));
    const context = carrier.slice(start, start + length);
    // Mostly at the end (where "ignore the above" lives), sometimes at the start or in the middle.
    const where = random();
    const cut = where < 0.6 ? context.length : where < 0.8 ? 0 : Math.floor(random() * context.length);
    const text = `${context.slice(0, cut)} ${attack} ${context.slice(cut)}`.trim();
    out.push({ text, label: 1, source: SPLICED_SOURCE });
  }
  return out;
}
