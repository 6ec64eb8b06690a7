import { expect, it } from 'vitest';
import { f1Scores } from './metrics.ts';

it('computes micro- and macro-F1 over the labels that occur', () => {
  const f = f1Scores([['a', 'b'], ['a'], ['c']], [['a'], ['a', 'b'], []]);
  // a: tp 2; b: tp 0, fp 1, fn 1; c: fn 1 → micro 2·2/(2·2+1+2) = 4/7
  expect(f.micro).toBeCloseTo(4 / 7, 10);
  expect(f.macro).toBeCloseTo(1 / 3, 10);
  expect(f.labels).toBe(3);
  expect(f.rows).toBe(3);
});
