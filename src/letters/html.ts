/**
 * A letter, memo, UN document or report (schema.ts) as semantic, accessible HTML: the page the server
 * prints to a tagged PDF with bookmarks (pdf.ts), and the preview the browser app shows. One h1 (the
 * subject, the memo's title, the UN document's title), h2 for sections and h3 for their parts,
 * numbered paragraphs as ordered lists that go on numbering over the whole document, tables with a
 * caption and header cells with their scope, and the language on the root. Imports only schema files
 * and the HTML escape.
 */
import { escapeHtml } from '../core/html.ts';
import { longDate, monthYear, type Lang } from './dates.ts';
import {
  MEMO_FIELD_LABELS,
  MEMO_PURPOSE_LABELS,
  type Block,
  type LetterDocument,
  type Section,
  type Sender,
} from './schema.ts';

type Letter = Extract<LetterDocument, { kind: 'letter' }>;
type Memo = Extract<LetterDocument, { kind: 'memo' }>;
type UnDoc = Extract<LetterDocument, { kind: 'un_document' }>;
type ReportDoc = Extract<LetterDocument, { kind: 'report' }>;

const LABELS: Record<
  Lang,
  { date: string; subject: string; reference: string; yourReference: string; attachments: string }
> = {
  nl: {
    date: 'Datum',
    subject: 'Betreft',
    reference: 'Onze referentie',
    yourReference: 'Uw referentie',
    attachments: 'Bijlagen',
  },
  en: {
    date: 'Date',
    subject: 'Subject',
    reference: 'Our reference',
    yourReference: 'Your reference',
    attachments: 'Annexes',
  },
};

/** Text as HTML: escaped, its line breaks as <br>. */
export const esc = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** Bytes as base64, in the browser and in Node alike. */
function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The numbered paragraphs go on numbering over the whole document, as in the .docx. */
class Numbering {
  next = 1;
}

function block(b: Block, n: Numbering): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'numbered': {
      const start = n.next;
      n.next += b.items.length;
      return `<ol class="numbered" start="${start}">${b.items.map((t) => `<li>${esc(t)}</li>`).join('')}</ol>`;
    }
    case 'bullets':
      return `<ul>${b.items.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b.columns, b.rows, b.caption);
  }
}

function table(columns: string[], rows: string[][], caption?: string): string {
  return [
    '<table>',
    caption ? `<caption>${esc(caption)}</caption>` : '',
    `<thead><tr>${columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function sections(list: Section[], n: Numbering): string {
  return list
    .map((s) =>
      [
        `<section><h2>${esc(s.heading)}</h2>`,
        ...s.blocks.map((b) => block(b, n)),
        ...s.subsections.map(
          (sub) =>
            `<section><h3>${esc(sub.heading)}</h3>${sub.blocks.map((b) => block(b, n)).join('')}</section>`,
        ),
        '</section>',
      ].join(''),
    )
    .join('');
}

function senderBlock(sender: Sender): string {
  const lines = [sender.unit, ...sender.addressLines].filter((l): l is string => Boolean(l));
  return `<address class="sender"><strong>${esc(sender.organisation)}</strong>${lines
    .map((l) => `<br>${esc(l)}`)
    .join('')}</address>`;
}

function logo(sender: Sender): string {
  if (!sender.logo) return '';
  return `<div class="logo"><img src="data:image/png;base64,${base64(sender.logo)}" alt="Logo ${esc(sender.organisation)}"></div>`;
}

/** Label and value rows, as a table whose labels are row headers. */
const labelRows = (rows: [string, string[]][]) =>
  `<table class="labels"><tbody>${rows
    .map(
      ([label, lines]) =>
        `<tr><th scope="row">${esc(label)}</th><td>${lines.map(esc).join('<br>')}</td></tr>`,
    )
    .join('')}</tbody></table>`;

function letterBody(d: Letter, lang: Lang): string {
  const l = LABELS[lang];
  const n = new Numbering();
  return [
    logo(d.sender),
    `<header class="letterhead"><p class="addressee">${d.addressee.map(esc).join('<br>')}</p>${senderBlock(d.sender)}</header>`,
    labelRows([
      [l.date, [`${d.place}, ${longDate(d.date, lang)}`]],
      [l.reference, [d.reference]],
      ...(d.yourReference ? [[l.yourReference, [d.yourReference]] as [string, string[]]] : []),
    ]),
    `<div class="subject"><p class="label">${esc(l.subject)}</p><h1>${esc(d.subject)}</h1></div>`,
    sections(d.sections, n),
    d.signature.length ? `<p class="signature">${d.signature.map(esc).join('<br>')}</p>` : '',
  ].join('');
}

function memoBody(d: Memo): string {
  const f = d.fields;
  const n = new Numbering();
  const rows: [string, string[] | undefined][] = [
    [MEMO_FIELD_LABELS.to, f.to],
    [MEMO_FIELD_LABELS.from, f.from],
    [MEMO_FIELD_LABELS.via, f.via],
    [MEMO_FIELD_LABELS.copyTo, f.copyTo],
    [MEMO_FIELD_LABELS.consultedWith, f.consultedWith],
    [MEMO_FIELD_LABELS.date, [longDate(f.date)]],
    [MEMO_FIELD_LABELS.reference, f.reference ? [f.reference] : undefined],
    [MEMO_FIELD_LABELS.draftedBy, f.draftedBy],
    [
      MEMO_FIELD_LABELS.deadline,
      f.deadline ? [...(f.deadline.note ? [f.deadline.note] : []), longDate(f.deadline.date)] : undefined,
    ],
  ];
  const attachments = d.attachments.map((a, i) => [String(i + 1), a.name, a.information]);
  return [
    logo(d.sender),
    `<header class="letterhead">${labelRows(rows.filter((r): r is [string, string[]] => r[1] !== undefined))}${senderBlock(d.sender)}</header>`,
    `<p class="purpose"><strong>${esc(MEMO_PURPOSE_LABELS[d.purpose])}</strong></p>`,
    '<p class="small">nota</p>',
    `<h1>${esc(d.title)}</h1>`,
    sections(d.sections, n),
    attachments.length
      ? `<section><h2>${LABELS.nl.attachments}</h2>${table(['Volgnummer', 'Naam', 'Informatie'], attachments)}</section>`
      : '',
  ].join('');
}

function unBody(d: UnDoc): string {
  const n = new Numbering();
  const [title, ...rest] = d.titleLines;
  return [
    `<header class="un"><p>${esc(d.organ)}</p><p class="symbol">${esc(d.symbol)}</p>`,
    `<p>Distr.: ${esc(d.distribution)}<br>${esc(longDate(d.date, 'en'))}<br>Original: ${esc(d.original)}</p></header>`,
    d.sessionLines.length ? `<p class="session">${d.sessionLines.map(esc).join('<br>')}</p>` : '',
    `<h1 class="centred">${esc(title!)}</h1>`,
    ...rest.map((line) => `<p class="centred"><strong>${esc(line)}</strong></p>`),
    sections(d.sections, n),
  ].join('');
}

/** A report: its title page (the logo, the title, the subtitle, the sender, the month), then its chapters. */
function reportBody(d: ReportDoc): string {
  return [
    `<header class="title-page">${logo(d.sender)}<h1>${esc(d.title)}</h1>`,
    d.subtitle ? `<p class="subtitle">${esc(d.subtitle)}</p>` : '',
    `<p><strong>${esc(d.sender.organisation)}</strong><br>${esc(monthYear(d.date))}</p></header>`,
    sections(d.sections, new Numbering()),
  ].join('');
}

const STYLE = (font: string) => `
@page { size: A4; }
body { font-family: "${font.replace(/[^\w\s-]/g, '')}", Verdana, sans-serif; font-size: 9pt; line-height: 1.45; color: #000; margin: 0; }
h1 { font-size: 12pt; margin: 1.2em 0 0.8em; }
h2 { font-size: 10pt; margin: 1.4em 0 0.5em; break-after: avoid; }
h3 { font-size: 9pt; font-style: italic; margin: 1.2em 0 0.4em; break-after: avoid; }
.subject .label { font-weight: bold; margin: 0; }
.subject h1 { margin-top: 0.2em; }
.logo { text-align: center; margin-bottom: 1.5em; }
.logo img { max-width: 6cm; max-height: 2.6cm; }
.letterhead { display: flex; justify-content: space-between; gap: 1em; margin-bottom: 1.5em; }
.letterhead > * { flex: 1 1 50%; }
.sender { font-style: normal; font-size: 7.5pt; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; }
caption { text-align: left; font-weight: bold; font-size: 7.5pt; padding-bottom: 0.3em; }
th, td { border: 1px solid #777; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
thead th { background: #d9e2f3; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.labels th, table.labels td { border: none; padding: 0 0.6em 0.2em 0; }
table.labels th { width: 9em; }
.purpose { font-size: 12pt; margin: 1.5em 0; }
.small { font-size: 7.5pt; margin: 0; }
.signature { margin-top: 2em; }
.un { display: flex; justify-content: space-between; border-bottom: 2px solid #000; margin-bottom: 1em; }
.symbol { font-size: 14pt; font-weight: bold; }
.centred { text-align: center; }
.title-page { text-align: center; break-after: page; padding-top: 6cm; }
.title-page h1 { font-size: 22pt; }
.subtitle { font-size: 14pt; margin-bottom: 4cm; }
`;

/**
 * The HTML page of a document. `lang` is the language of its text (a letter in English says so);
 * a UN document is always English.
 */
export function renderHtml(doc: LetterDocument, lang: Lang = 'nl'): string {
  const language: Lang = doc.kind === 'un_document' ? 'en' : lang;
  const [title, font, body] =
    doc.kind === 'letter'
      ? [doc.subject, doc.sender.font, letterBody(doc, language)]
      : doc.kind === 'memo'
        ? [doc.title, doc.sender.font, memoBody(doc)]
        : doc.kind === 'report'
          ? [doc.title, doc.sender.font, reportBody(doc)]
          : [doc.titleLines.join(' — '), doc.font, unBody(doc)];
  return [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">`,
    `<title>${esc(title)}</title><style>${STYLE(font)}</style></head>`,
    `<body><main>${body}</main></body></html>`,
  ].join('');
}
