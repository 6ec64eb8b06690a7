import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../recommendations/parse/test-files.ts';
import { listOfIssuesErrors, LoiParseError } from './errors.ts';
import { parseListOfIssues, parseListOfIssuesFile } from './list-of-issues.ts';
import type { LoiParseResult } from './types.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const ccprText = fixture('loipr-ccpr-c-nld-qpr-6.txt');
const catText = fixture('loipr-cat-c-nld-qpr-8.txt');
const questionsOf = (r: LoiParseResult) => r.sections.flatMap((s) => s.questions);
const question = (r: LoiParseResult, n: number) => questionsOf(r).find((q) => q.number === n)!;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('a CCPR list of issues prior to reporting in its PDF layout (CCPR/C/NLD/QPR/6)', () => {
  const r = parseListOfIssues(ccprText);

  it('reads the header: symbol, committee, kind, report, adoption, title, date', () => {
    expect(r).toMatchObject({
      symbol: 'CCPR/C/NLD/QPR/6',
      committee: 'CCPR',
      kind: 'loipr',
      reportOrdinal: 6,
      adoptedAt: '139th session (9 October–3 November 2023)',
      title: 'List of issues prior to submission of the sixth periodic report of the Netherlands',
      date: '2023-12-04',
    });
    expect(r.warnings).toEqual([]);
  });

  it('finds every question, numbered 1 to 11 in order with no gaps, at its line of the input', () => {
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 11));
    const lines = ccprText.split('\n');
    for (const q of questionsOf(r))
      expect(lines[q.sourceLine - 1]!.trim()).toMatch(new RegExp(`^${q.number}\\.\\s`));
  });

  it('makes a section of each part and each subject heading, with the articles it names', () => {
    expect(r.sections.map((s) => [s.key, s.articles, s.questions.map((q) => q.number)])).toEqual([
      ['A', [], [1, 2]],
      ['B', range(1, 27), []],
      ['constitutional-and-legal-framework-within-which-the-covenant', [2], [3]],
      ['non-discrimination-and-equality-between-men-and-women', [2, 3, 26], [4, 5]],
      ['counter-terrorism-measures', [2, 9, 14, 17], [6]],
      ['violence-against-women-including-domestic-violence', [2, 3, 6, 7, 26], [7]],
      ['prohibition-of-torture-and-other-cruel-inhuman-or-degrading', [7, 10], [8]],
      ['treatment-of-aliens-including-refugees-and-asylum-seekers', [7, 9, 12, 13], [9]],
      ['right-to-privacy', [17], [10]],
      ['rights-of-the-child', [24, 26], [11]],
    ]);
    // a heading over two lines, the second part of a lettered part's heading, are one heading
    expect(r.sections[1]).toMatchObject({
      heading:
        'Specific information on the implementation of articles 1–27 of the Covenant, including with regard to the previous recommendations of the Committee',
    });
    expect(r.sections[6]!.heading).toBe(
      'Prohibition of torture and other cruel, inhuman or degrading treatment or punishment, and treatment of persons deprived of their liberty (arts. 7 and 10)',
    );
    expect(r.sections.slice(2).every((s) => s.part === 'B')).toBe(true);
    expect(r.sections[0]!.part).toBeUndefined();
  });

  it('splits the sub-questions, also across a page break', () => {
    expect(question(r, 3).subQuestions.map((s) => s.label)).toEqual(['a', 'b']);
    expect(question(r, 3).subQuestions[1]!.text).toMatch(
      /^The steps taken to establish national human rights/,
    );
    expect(question(r, 6).subQuestions.map((s) => s.label)).toEqual(['a', 'b', 'c']);
    expect(question(r, 6).subQuestions[0]!.text).toBe(
      'Describe the safeguards against arbitrariness in the application of the Temporary Act on Administrative Measures in Relation to Counter-terrorism',
    );
    expect(question(r, 10).subQuestions.map((s) => s.text)).toEqual([
      'How the bulk interception of data is authorized and reviewed',
      'Which remedies are available to persons whose data have been processed unlawfully.',
    ]);
    // "(CCPR/C/NLD/CO/5, para. 19 (b))" is a reference, not a sub-question
    expect(question(r, 7).subQuestions).toEqual([]);
    expect(question(r, 1).subQuestions).toEqual([]);
  });

  it('reads the references to the previous concluding observations, named or implied', () => {
    expect(question(r, 1).coReferences).toEqual(['CCPR/C/NLD/CO/5']);
    expect(question(r, 3).coReferences).toEqual(['CCPR/C/NLD/CO/5 para. 4', 'CCPR/C/NLD/CO/5 para. 6']);
    expect(question(r, 4).coReferences).toEqual(['CCPR/C/NLD/CO/5 para. 15']);
    expect(question(r, 6).coReferences).toEqual(['CCPR/C/NLD/CO/5 para. 12', 'CCPR/C/NLD/CO/5 para. 13']);
    expect(question(r, 7).coReferences).toEqual(['CCPR/C/NLD/CO/5 para. 19 (b)']);
    expect(question(r, 8).coReferences).toEqual(['CCPR/C/NLD/CO/5 para. 24', 'CCPR/C/NLD/CO/5 para. 25']);
    expect(question(r, 9).coReferences).toEqual([
      'CCPR/C/NLD/CO/5 para. 28',
      'CCPR/C/NLD/CO/5 para. 29',
      'CCPR/C/NLD/CO/5 para. 30',
    ]);
    expect(question(r, 2).coReferences).toEqual([]);
    expect(question(r, 10).coReferences).toEqual([]);
  });

  it('leaves out the page headers and footers, the footnote and the line-end hyphenation', () => {
    const all = questionsOf(r)
      .map((q) => q.text)
      .join('\n');
    expect(all).not.toMatch(/GE\.23|\*2323871\*|CCPR\/C\/NLD\/QPR\/6|Adopted by the Committee/);
    expect(all).not.toMatch(/\s\d\s*$/m); // no page number at a question's end
    expect(question(r, 4).text).toContain(
      'and on the discrimination found in the childcare benefits scandal',
    );
    expect(question(r, 2).text).toContain('Please also indicate the follow-up given to the Views'); // a real hyphen kept
    expect(question(r, 3).text).toMatch(/Kingdom; \(b\) The steps taken/); // joined across the page break
    expect(question(r, 7).text).toMatch(/sexual violence \(CCPR\/C\/NLD\/CO\/5, para\. 19 \(b\)\)\.$/);
  });
});

describe('the same code on another committee: a CAT list of issues prior to reporting (CAT/C/NLD/QPR/8)', () => {
  const r = parseListOfIssues(catText);

  it('reads its header', () => {
    expect(r).toMatchObject({
      symbol: 'CAT/C/NLD/QPR/8',
      committee: 'CAT',
      kind: 'loipr',
      reportOrdinal: 8,
      adoptedAt: 'seventieth session (26 April–14 May 2021)',
      date: '2021-06-14',
    });
    expect(r.warnings).toEqual([]);
  });

  it('finds questions 1 to 12 under the article headings of the Convention', () => {
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 12));
    expect(r.sections.map((s) => [s.heading, s.articles, s.questions.map((q) => q.number)])).toEqual([
      [
        "Specific information on the implementation of articles 1–16 of the Convention, including with regard to the Committee's previous recommendations",
        range(1, 16),
        [],
      ],
      ['Issues identified for follow-up in the previous concluding observations', [], [1]],
      ['Articles 1 and 4', [1, 4], [2]],
      ['Article 2', [2], [3, 4]],
      ['Article 3', [3], [5]],
      ['Articles 5–9', [5, 6, 7, 8, 9], [6]],
      ['Article 10', [10], [7]],
      ['Articles 11 and 16', [11, 16], [8]],
      ['Articles 12 and 13', [12, 13], [9]],
      ['Article 14', [14], [10]],
      ['Other issues', [], [11]],
      [
        'General information on other measures and developments relating to the implementation of the Convention in the State party',
        [],
        [12],
      ],
    ]);
    expect(r.sections.map((s) => s.key)).toContain('articles-5-9');
  });

  it('reads the references in footnotes ("Ibid." too) and puts them where their mark was', () => {
    expect(question(r, 1).coReferences).toEqual([
      'CAT/C/NLD/CO/7 para. 48',
      'CAT/C/NLD/CO/7 para. 8 (a)',
      'CAT/C/NLD/CO/7 para. 10',
      'CAT/C/NLD/CO/7 para. 12 (b)',
    ]);
    expect(question(r, 1).text).toMatch(
      /^In its previous concluding observations \(CAT\/C\/NLD\/CO\/7, para\. 48\), the/,
    );
    // footnote 2 cites the follow-up reply (CAT/C/NLD/CO/7/Add.1), no concluding observations: left out
    expect(question(r, 1).text).toContain('in its follow-up report, please indicate');
    expect(question(r, 3).coReferences).toEqual(['CAT/C/NLD/CO/7 para. 7', 'CAT/C/NLD/CO/7 para. 8']);
    expect(question(r, 5).coReferences).toEqual(['CAT/C/NLD/CO/7 para. 26']);
    expect(question(r, 8).coReferences).toEqual(['CAT/C/NLD/CO/7 para. 11', 'CAT/C/NLD/CO/7 para. 12']);
    expect(question(r, 2).coReferences).toEqual([]);
  });

  it('splits sub-questions across the page break and leaves out the footnotes and page furniture', () => {
    expect(question(r, 3).subQuestions.map((s) => s.label)).toEqual(['a', 'b', 'c']);
    expect(question(r, 3).subQuestions[2]!.text).toBe(
      'The mandate and the resources of the national preventive mechanism.',
    );
    expect(question(r, 8).subQuestions.map((s) => s.label)).toEqual(['a', 'b']);
    const all = questionsOf(r)
      .map((q) => q.text)
      .join('\n');
    expect(all).not.toMatch(/GE\.21|\*2108112\*|QPR\/8|Adopted by|Add\.1|Ibid/);
    expect(question(r, 4).text).toContain('gender-based violence'); // "gender-" at a line end keeps its hyphen
    expect(question(r, 3).text).toContain(
      'complaints of ill-treatment by police officers received since 2018',
    );
  });
});

describe('other layouts', () => {
  const cescr = [
    'E/C.12/NLD/Q/6',
    '',
    'Committee on Economic, Social and Cultural Rights',
    '',
    'List of issues in relation to the sixth periodic report of the Netherlands*',
    '',
    'I. General information',
    '',
    '1. Please provide information on the cases in which the rights of the Covenant have been invoked before the courts.',
    '',
    'II. Issues relating to the general provisions of the Covenant (arts. 1–5)',
    '',
    'Article 2 (2): Non-discrimination',
    '',
    '2. Please provide information on the measures taken to address the concerns of the Committee (E/C.12/NLD/CO/5, para. 9), in particular:',
    '',
    '(a) The results of the anti-discrimination campaigns;',
    '',
    '(b) The data collected on discrimination in employment.',
    '',
    'III. Issues relating to the specific provisions of the Covenant (arts. 6–15)',
    '',
    'Article 9: Right to social security',
    '',
    '4. Please indicate whether the minimum social security benefits are sufficient.',
    '',
    '   * Adopted by the pre-sessional working group at its fifty-eighth session (9–13 October 2017).',
  ].join('\n');

  it('reads a CESCR list of issues (not prior to reporting) with Roman parts and "Article N: subject" headings', () => {
    const r = parseListOfIssues(cescr);
    expect(r).toMatchObject({ symbol: 'E/C.12/NLD/Q/6', committee: 'CESCR', kind: 'loi', reportOrdinal: 6 });
    expect(
      r.sections.map((s) => [s.key, s.articles, s.part ?? null, s.questions.map((q) => q.number)]),
    ).toEqual([
      ['I', [], null, [1]],
      ['II', [1, 2, 3, 4, 5], null, []],
      ['article-2-2-non-discrimination', [2], 'II', [2]],
      ['III', range(6, 15), null, []],
      ['article-9-right-to-social-security', [9], 'III', [4]],
    ]);
    expect(question(r, 2).subQuestions.map((s) => s.label)).toEqual(['a', 'b']);
    expect(question(r, 2).coReferences).toEqual(['E/C.12/NLD/CO/5 para. 9']);
    // a gap in the numbering is reported, not hidden
    expect(r.warnings).toEqual(['Question 3 is missing (question 4 follows 2).']);
  });

  it('reads a combined report from the symbol, and the report from the title when there is no symbol', () => {
    const crc = parseListOfIssues(
      cescr
        .replace('E/C.12/NLD/Q/6', 'CRC/C/NLD/QPR/6-7')
        .replace('Economic, Social and Cultural Rights', 'the Rights of the Child'),
    );
    expect(crc).toMatchObject({ committee: 'CRC', kind: 'loipr', reportOrdinal: '6-7' });
    const bare = parseListOfIssues(cescr.replace('E/C.12/NLD/Q/6', ''));
    expect(bare).toMatchObject({ committee: 'CESCR', kind: 'loi', reportOrdinal: 6 });
    expect(bare.symbol).toBeUndefined();
    expect(bare.warnings).toContain('No document symbol found in the header.');
  });

  it('resolves "the previous concluding observations (para. N)" only when the document names them', () => {
    const r = parseListOfIssues(
      cescr.replace(
        '(E/C.12/NLD/CO/5, para. 9)',
        'in its previous concluding observations (paras. 9 and 10)',
      ),
    );
    expect(question(r, 2).coReferences).toEqual([
      'previous concluding observations para. 9',
      'previous concluding observations para. 10',
    ]);
    expect(r.warnings).toContain(
      'Question 2 refers to paragraphs of the previous concluding observations, whose symbol the document does not name.',
    );
  });
});

describe('layouts of other extractions', () => {
  it('joins a question number and a sub-question letter on a line of their own to their text', () => {
    const text = ccprText.replace(/^3\. {5}/m, '3.\n').replace(/^ {7}\(b\) {5}The steps/m, '(b)\nThe steps');
    const r = parseListOfIssues(text);
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 11));
    expect(question(r, 3).text).toMatch(/^With reference to the previous concluding observations/);
    expect(question(r, 3).subQuestions.map((x) => x.label)).toEqual(['a', 'b']);
  });

  it('takes a number out of sequence at a line start as text of the question, not as a question', () => {
    const text = ccprText.replace(
      'Optional Protocol. Please',
      'Optional Protocol, as set out in its general comment No.\n31. Please',
    );
    const r = parseListOfIssues(text);
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 11));
    expect(question(r, 2).text).toContain('general comment No. 31. Please also indicate');
  });
});

describe('a list of issues that cannot be parsed', () => {
  it('says what it found when the questions lost their numbers (a Word file with automatic numbering)', () => {
    const text = fixture('loipr-broken-docx-auto-numbering.txt');
    let error: unknown;
    try {
      parseListOfIssues(text, { file: 'loi.docx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoiParseError);
    const e = error as LoiParseError;
    expect(e).toMatchObject({ status: 422, code: 'list_of_issues.no_questions' });
    expect(e.found).toMatchObject({
      symbol: 'CCPR/C/NLD/QPR/6',
      title: 'List of issues prior to submission of the sixth periodic report of the Netherlands',
      numberedParagraphs: 0,
      reason: 'no_questions',
    });
    expect(e.found.headings + e.found.otherParagraphs).toBeGreaterThan(0);
    expect(e.message).toMatch(
      /^loi\.docx: no numbered questions found; found \d+ headings, 0 numbered paragraphs and \d+ other paragraphs\./,
    );
    expect(listOfIssuesErrors.catalogue[e.code]!.nl(e.params)).toMatch(
      /^loi\.docx: geen genummerde vragen gevonden; wel \d+ kopjes, 0 genummerde alinea's/,
    );
  });

  it('refuses concluding observations and an empty text, each with its own error', () => {
    const co = fs.readFileSync(
      path.join(import.meta.dirname, '../../recommendations/parse/fixtures/tb-ccpr-c-nld-co-5.txt'),
      'utf8',
    );
    expect(() => parseListOfIssues(co)).toThrow(
      /this is not a list of issues \(symbol CCPR\/C\/NLD\/CO\/5\)/,
    );
    expect(() => parseListOfIssues(' \n\f\n')).toThrow(LoiParseError);
    expect(() => parseListOfIssues('')).toThrow(/the text is empty/);
  });
});

describe('parseListOfIssuesFile', () => {
  const pages = ccprText.split('\f').map((p) => p.split('\n').map((l) => l.replace(/\s{2,}/g, '  ').trim()));

  it('reads a .pdf, its pages separated', async () => {
    const r = await parseListOfIssuesFile(makePdf(pages), 'CCPR_C_NLD_QPR_6.pdf');
    expect(r.symbol).toBe('CCPR/C/NLD/QPR/6');
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 11));
    expect(question(r, 6).subQuestions).toHaveLength(3);
  });

  it('reads a .docx', async () => {
    const paragraphs = ccprText
      .replace(/\f/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const r = await parseListOfIssuesFile(await makeDocx(paragraphs), 'loi.docx');
    expect(questionsOf(r).map((q) => q.number)).toEqual(range(1, 11));
    expect(question(r, 9).coReferences).toHaveLength(3);
  });
});
