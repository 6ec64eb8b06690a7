import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, readModelFile } from '../model.ts';
import { DATA_DIR, readThematicLists, readUprInfo, trainingDataSha256, UPR_INFO_FILE } from './data.ts';
import { predictor } from './predict.ts';
import { DEFAULT_SETTINGS, trainModel } from './train.ts';

const present = fs.existsSync(path.join(DATA_DIR, UPR_INFO_FILE));
const skipReal = !present && process.env.CI !== 'true';
if (skipReal) console.warn(`Skipping the suggestion model's data tests: ${DATA_DIR} is absent.`);

describe.skipIf(skipReal)('the suggestion model and its data', () => {
  const upr = readUprInfo();
  const lists = readThematicLists();

  it('reads the labelled rows, with UPR Info issues resolved to UHRI themes and groups', () => {
    expect(upr).toHaveLength(30261);
    const first = upr[0]!;
    expect(first.session).toBe(5);
    expect(first.labels['upr-info-issue']).toEqual(['Rights of the Child', "Women's rights"]);
    expect(first.labels['uhri-theme']).toEqual(['F12', 'F31']);
    expect(first.labels['uhri-group']).toEqual(['children', 'women']);
    const c2 = lists.filter((r) => r.cycle === 2);
    const c3 = lists.filter((r) => r.cycle === 3);
    expect(c2).toHaveLength(163);
    expect(c3).toHaveLength(215);
    const r121 = c3.find((r) => r.id === 'ohchr-cycle3:121.1')!;
    expect(r121.text).toBe(
      'Ratify the International Convention for the Protection of All Persons from Enforced Disappearance',
    );
    expect(r121.labels['uhri-theme']).toEqual(['A12', 'D32']);
    expect(r121.labels['sdg-target']).toEqual(['16']);
    expect(r121.labels['uhri-group']).toEqual(['disappeared-persons']);
  });

  it('trains deterministically: the same rows give the same model', () => {
    const rows = [...upr.filter((_, i) => i % 40 === 0), ...lists.filter((_, i) => i % 3 === 0)];
    const settings = { ...DEFAULT_SETTINGS, train: { ...DEFAULT_SETTINGS.train, epochs: 2 } };
    const a = JSON.stringify(trainModel(rows, settings));
    const b = JSON.stringify(trainModel(rows, settings));
    expect(a).toBe(b);
    const m = JSON.parse(a) as ReturnType<typeof trainModel>;
    expect(m.vocabularies.map((v) => v.vocabulary)).toEqual([
      'upr-info-issue',
      'uhri-theme',
      'uhri-group',
      'sdg-target',
    ]);
    const p = predictor({ ...m, version: 't', trainingDataSha256: '', trainedOn: '' });
    expect(p.suggest('Abolish the death penalty').some((s) => s.label === 'Death penalty')).toBe(true);
  }, 20_000);

  it('the stored model was trained from the data as it is now (its sha256 and version)', () => {
    const file = readModelFile();
    const sha = trainingDataSha256();
    expect(file.trainingDataSha256).toBe(sha);
    expect(file.version).toBe(`1.${sha.slice(0, 12)}`);
    expect(loadModel().version).toBe(file.version);
  });

  it('suggests the right tags for real recommendations', () => {
    const model = loadModel();
    const labels = (text: string, v: string) =>
      model
        .suggest(text)
        .filter((s) => s.vocabulary === v)
        .map((s) => s.label);
    const cat = 'Ratify the Optional Protocol to the Convention against Torture';
    expect(labels(cat, 'uhri-theme')).toContain('A12');
    expect(labels(cat, 'upr-info-issue')).toEqual(
      expect.arrayContaining(['International instruments', 'Torture and other CID treatment']),
    );
    const women = 'Take measures to combat violence against women, including domestic violence';
    expect(labels(women, 'upr-info-issue')).toContain("Women's rights");
    expect(labels(women, 'uhri-group')).toContain('women');
    expect(labels(women, 'sdg-target')).toContain('5');
    expect(labels('Abolish the death penalty', 'uhri-theme')).toContain('death-penalty');
    const all = model.suggest(cat);
    for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    expect(all.every((s) => s.score >= 0 && s.score <= 1)).toBe(true);
    expect(model.suggestMany([cat, ''])).toEqual([all, []]);
  });
});
