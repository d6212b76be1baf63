/** The length-only baseline (the logistic-regression baseline is the first training stage). */
import { sigmoid } from '../network.js';
import type { Row } from './dataset.js';

/** Logistic regression on log(1 + characters), class-balanced, fitted by gradient descent. */
export function trainLengthOnly(rows: readonly Row[]): (r: Row) => number {
  const xs = rows.map((r) => Math.log1p(r.text.length));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const pos = rows.filter((r) => r.label === 1).length;
  const neg = rows.length - pos;
  let a = 0;
  let b = 0;
  for (let it = 0; it < 500; it++) {
    let ga = 0;
    let gb = 0;
    rows.forEach((r, i) => {
      const x = xs[i]! - mean;
      const w = r.label === 1 ? 0.5 / pos : 0.5 / neg;
      const err = w * (sigmoid(a * x + b) - r.label);
      ga += err * x;
      gb += err;
    });
    a -= 1.0 * ga;
    b -= 1.0 * gb;
  }
  return (r) => sigmoid(a * (Math.log1p(r.text.length) - mean) + b);
}
