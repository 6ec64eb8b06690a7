/** Micro- and macro-averaged F1 of proposed label sets against the true ones. */

export interface F1 {
  micro: number;
  macro: number;
  /** Labels averaged in the macro figure: those that occur among the true labels. */
  labels: number;
  rows: number;
}

export function f1Scores(truth: readonly string[][], proposed: readonly string[][]): F1 {
  const per = new Map<string, { tp: number; fp: number; fn: number }>();
  const at = (l: string) => {
    let c = per.get(l);
    if (!c) per.set(l, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  truth.forEach((t, i) => {
    const gold = new Set(t);
    const got = new Set(proposed[i]);
    for (const l of got)
      if (gold.has(l)) at(l).tp++;
      else at(l).fp++;
    for (const l of gold) if (!got.has(l)) at(l).fn++;
  });
  const f = (c: { tp: number; fp: number; fn: number }) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of per.values()) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const supported = [...per.values()].filter((c) => c.tp + c.fn > 0);
  return {
    micro: f({ tp, fp, fn }),
    macro: supported.length ? supported.reduce((s, c) => s + f(c), 0) / supported.length : 0,
    labels: supported.length,
    rows: truth.length,
  };
}
