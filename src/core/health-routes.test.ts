import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t?.close());

describe('GET /api/health', () => {
  it('answers while a transaction holds the database', async () => {
    const first = await t.call(null, 'GET', '/api/health');
    expect(first.json()).toMatchObject({ status: 'ok', schema: expect.stringMatching(/^\d{4}_/) });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let answered = false;
    // On PGlite one transaction holds the only connection: a health check that queried the database
    // would wait for it, and the transaction waits for the health check's answer.
    const tx = t.db.transaction(async (q) => {
      await q.query('select 1');
      await held;
    });
    const res = await t.call(null, 'GET', '/api/health');
    answered = true;
    release();
    await tx;
    expect(answered).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', checkedAt: expect.any(String) });
  });
});
