type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

/** Past this many cells the LCS table is skipped and the changed middle shown as replaced whole. */
const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Line edit script: common prefix and suffix trimmed, the middle aligned by longest common subsequence. */
function editScript(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', text: a[i]!, a: i, b: i });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    for (let i = start; i < endA; i++) ops.push({ kind: '-', text: a[i]!, a: i, b: start });
    for (let j = start; j < endB; j++) ops.push({ kind: '+', text: b[j]!, a: endA, b: j });
  } else {
    // lcs[i][j] = LCS length of a[start+i..endA) and b[start+j..endB), flattened.
    const width = m + 1;
    const lcs = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * width + j] =
          a[start + i] === b[start + j]
            ? lcs[(i + 1) * width + j + 1]! + 1
            : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        ops.push({ kind: ' ', text: a[start + i]!, a: start + i, b: start + j });
        i++;
        j++;
      } else if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
        ops.push({ kind: '+', text: b[start + j]!, a: start + i, b: start + j });
        j++;
      } else {
        ops.push({ kind: '-', text: a[start + i]!, a: start + i, b: start + j });
        i++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++)
    ops.push({ kind: ' ', text: a[endA + k]!, a: endA + k, b: endB + k });
  return ops;
}

function range(start: number, count: number): string {
  // Unified diff convention: an empty range names the line before it.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

/**
 * A unified diff (as `diff -u` prints it) of two texts, `context` lines around each change, cut at
 * `maxChars` with a marker. Returns '' when the texts are equal.
 */
export function unifiedDiff(opts: {
  before: string;
  after: string;
  fromName: string;
  toName: string;
  context?: number;
  maxChars?: number;
}): string {
  const context = opts.context ?? 3;
  const ops = editScript(splitLines(opts.before), splitLines(opts.after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';

  const out = [`--- ${opts.fromName}`, `+++ ${opts.toName}`];
  let index = 0;
  while (index < changed.length) {
    const first = Math.max(0, changed[index]! - context);
    let last = Math.min(ops.length - 1, changed[index]! + context);
    // Changes closer than 2*context lines share one hunk.
    while (index + 1 < changed.length && changed[index + 1]! - context <= last + 1) {
      index++;
      last = Math.min(ops.length - 1, changed[index]! + context);
    }
    const hunk = ops.slice(first, last + 1);
    const countA = hunk.filter((op) => op.kind !== '+').length;
    const countB = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${range(hunk[0]!.a, countA)} +${range(hunk[0]!.b, countB)} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.text}`);
    index++;
  }
  const text = `${out.join('\n')}\n`;
  const max = opts.maxChars ?? Number.POSITIVE_INFINITY;
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 40))}\n... diff cut at ${max} characters\n`;
}
