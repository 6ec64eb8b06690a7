import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

// What a command loads decides how fast it starts: these tests list the modules a start resolves (a
// resolve hook, written to a file at exit) and assert that the heavy ones stay out.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-startup-'));
const hook = path.join(dir, 'record.mjs');
fs.writeFileSync(
  hook,
  `import fs from 'node:fs';
import module from 'node:module';
const seen = new Set();
module.registerHooks({
  resolve(specifier, context, next) {
    const r = next(specifier, context);
    seen.add(r.url);
    return r;
  },
});
process.on('exit', () => fs.writeFileSync(process.env.RECORD_TO, JSON.stringify([...seen])));
`,
);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function loaded(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; urls: string[]; stderr: string } {
  const out = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, ['--import', hook, ...args], {
    env: { ...process.env, ...env, RECORD_TO: out },
    encoding: 'utf8',
  });
  return { status: r.status, urls: JSON.parse(fs.readFileSync(out, 'utf8')) as string[], stderr: r.stderr };
}

const script = (lines: string[]) => ['--input-type=module', '-e', lines.join('\n')];

describe('start-up', () => {
  it('rightsdesk --help loads commander and the settings, not zod, the server or a command', () => {
    const { status, urls } = loaded(['src/cli/main.ts', '--help']);
    expect(status).toBe(0);
    expect(urls.some((u) => u.includes('/node_modules/commander/'))).toBe(true);
    for (const heavy of [
      '/node_modules/zod/',
      '/node_modules/fastify/',
      '/src/cli/commands/',
      '/src/core/db.ts',
    ]) {
      expect(
        urls.filter((u) => u.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
  });

  it('the build check of serve only looks for index.html when the browser app is built', () => {
    const web = path.join(dir, 'web');
    fs.mkdirSync(web);
    fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html>');
    const { status, urls, stderr } = loaded(
      script(["await (await import('./src/cli/serve-web.ts')).buildWebIfMissing();"]),
      { RIGHTSDESK_WEB_DIST: web },
    );
    expect(status, stderr).toBe(0);
    expect(urls.filter((u) => !u.startsWith('node:') && !u.endsWith('/src/cli/serve-web.ts'))).toEqual([]);
    expect(urls).not.toContain('node:child_process');
    expect(fs.readdirSync(web)).toEqual(['index.html']);
  });

  it('npm start is the serve command alone: no separate process before it', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node src/cli/main.ts serve');
  });

  // The libraries each used by one feature, loaded at its first use instead.
  const HEAVY = [
    'exceljs',
    'mammoth',
    'unpdf',
    'jszip',
    'nodemailer',
    '@zxcvbn-ts/core',
    '@zxcvbn-ts/language-common',
    'argon2',
    'file-type',
    'docx',
    'playwright-core',
    'fast-xml-parser',
  ];
  const heavyIn = (urls: string[]) =>
    HEAVY.filter((m) => urls.some((u) => u.includes(`/node_modules/${m}/`)));

  it('the server starts without the libraries of exports, imports, mail, passwords and uploads', () => {
    const { status, urls, stderr } = loaded(
      script([
        "await import('./src/cli/commands/serve.ts');",
        "await import('./src/server/app.ts');",
        "await import('./src/reference/seed.ts');",
        "await import('./src/users/service.ts');",
      ]),
    );
    expect(status, stderr).toBe(0);
    expect(urls.some((u) => u.includes('/node_modules/fastify/'))).toBe(true);
    expect(heavyIn(urls)).toEqual([]);
  });

  it('loads each of them when it is first used', () => {
    const { status, urls, stderr } = loaded(
      script([
        "const { templateXlsx } = await import('./src/recommendations/import-spreadsheet.ts');",
        "const { passwordWeakness } = await import('./src/auth/password-policy.ts');",
        "const { smtpMailer } = await import('./src/notifications/mailer.ts');",
        "const { docxText, pdfText } = await import('./src/recommendations/parse/extract.ts');",
        "const { hashPassword } = await import('./src/auth/passwords.ts');",
        "const { checkFile } = await import('./src/consultations/files.ts');",
        "const { makeDocx, makePdf } = await import('./src/recommendations/parse/test-files.ts');",
        "await templateXlsx('nl');",
        "passwordWeakness('correct horse battery staple');",
        "await smtpMailer('smtp://127.0.0.1:1', 'a@example.org').send({ to: 'b@example.org', subject: 's', text: 't' }).catch(() => {});",
        "await docxText(await makeDocx(['A paragraph.']));",
        "await pdfText(makePdf([['A page.']]));",
        "await hashPassword('a long enough password');",
        "await checkFile('a.pdf', Buffer.from(makePdf([['A page.']])));",
        "const { renderDocx } = await import('./src/letters/docx.ts');",
        "await renderDocx({ kind: 'memo', sender: { organisation: 'BZK' }, fields: { to: ['A'], from: ['B'], date: '2026-01-01' }, purpose: 'decision', title: 'T', sections: [{ heading: 'H', blocks: [] }] });",
        "await import('./src/letters/pdf.ts');",
        "(await import('./src/report/iati.ts')).readIati(new TextEncoder().encode(`<iati-activities version='2.03'></iati-activities>`), 'a.xml');",
      ]),
    );
    expect(status, stderr).toBe(0);
    expect(heavyIn(urls)).toEqual(HEAVY);
  });
});
