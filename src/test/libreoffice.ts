/**
 * LibreOffice for the tests that read back the files the app writes (.docx): whether it is
 * installed, and the conversion of files to text or PDF with a profile of their own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Whether soffice is installed. Under CI it must be (.ci/run installs it): there a missing one
 * fails the test that needs it instead of skipping it.
 */
export function sofficePresent(what: string): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    if (process.env.CI === 'true') return true;
    console.warn(`Skipping ${what}: soffice is not installed.`);
    return false;
  }
}

/** Converts the files into a format ("txt:Text", "pdf") in one run; the results go to `dir`. */
export function convertFiles(dir: string, files: string[], format: string, timeout = 300_000): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      dir,
      ...files,
    ],
    { stdio: 'ignore', timeout },
  );
}

/** The text of a .docx as LibreOffice reads it. */
export function docxAsText(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-text-'));
  try {
    const file = path.join(dir, 'document.docx');
    fs.writeFileSync(file, bytes);
    convertFiles(dir, [file], 'txt:Text', 180_000);
    return fs.readFileSync(path.join(dir, 'document.txt'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
