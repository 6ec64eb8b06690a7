/**
 * An accessible PDF of a document: its HTML (html.ts) printed by Chromium, tagged (the structure of
 * headings, lists and tables for screen readers) and with bookmarks from the headings, A4 with
 * "Pagina X van Y" at the foot of every page. Chromium is found at CHROMIUM_PATH or
 * /usr/bin/chromium; without it the PDF is refused with letter.pdf_unavailable (the .docx still works).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { workspaceErrors } from './errors.ts';

export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Whether this server can make PDF files. */
export const pdfAvailable = (): boolean => fs.existsSync(chromiumPath());

const FOOTER: Record<'nl' | 'en', [string, string]> = { nl: ['Pagina', 'van'], en: ['Page', 'of'] };

export async function renderPdf(html: string, lang: 'nl' | 'en' = 'nl'): Promise<Buffer> {
  if (!pdfAvailable()) throw workspaceErrors.pdf_unavailable();
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-gpu'] });
  } catch {
    throw workspaceErrors.pdf_unavailable();
  }
  try {
    const page = await browser.newPage({ javaScriptEnabled: false, offline: true });
    await page.setContent(html, { waitUntil: 'load' });
    const [page_, of] = FOOTER[lang];
    return await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:7.5pt;font-family:Verdana,sans-serif;width:100%;text-align:right;margin:0 2cm">' +
        `${page_} <span class="pageNumber"></span> ${of} <span class="totalPages"></span></div>`,
      margin: { top: '2cm', right: '2cm', bottom: '2cm', left: '2.5cm' },
    });
  } finally {
    await browser.close();
  }
}
