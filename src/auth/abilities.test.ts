import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { globalAbilities } from './abilities.ts';

const actor = (role: Actor['role'], organisationCode: string | null): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  label: role,
  role,
  organisationId: organisationCode ? '00000000-0000-4000-8000-0000000000aa' : null,
  organisationCode,
});

describe('the global ability to assign recommendations in bulk', () => {
  it('is given to administrators and coordinators, the coordinating ministry included', () => {
    expect(globalAbilities(actor('admin', null)).assignRecommendations).toBe(true);
    expect(globalAbilities(actor('coordinator', 'BZK')).assignRecommendations).toBe(true);
    expect(globalAbilities(actor('coordinator', 'VWS')).assignRecommendations).toBe(true);
  });

  it('is refused to contributors and observers', () => {
    expect(globalAbilities(actor('contributor', 'VWS')).assignRecommendations).toBe(false);
    expect(globalAbilities(actor('observer', 'BZK')).assignRecommendations).toBe(false);
  });
});

describe('the global ability to generate documents of the workspace', () => {
  it('is given to administrators and to coordinators of an organisation', () => {
    expect(globalAbilities(actor('admin', null)).createLetters).toBe(true);
    expect(globalAbilities(actor('coordinator', 'BZK')).createLetters).toBe(true);
    expect(globalAbilities(actor('coordinator', 'VWS')).createLetters).toBe(true);
  });

  it('is refused to contributors, observers and a coordinator without an organisation', () => {
    expect(globalAbilities(actor('contributor', 'VWS')).createLetters).toBe(false);
    expect(globalAbilities(actor('observer', 'BZK')).createLetters).toBe(false);
    expect(globalAbilities(actor('coordinator', null)).createLetters).toBe(false);
  });
});

describe('the global ability to set the sender of the letters', () => {
  it('is given to administrators only', () => {
    expect(globalAbilities(actor('admin', null)).setLetterSender).toBe(true);
    expect(globalAbilities(actor('coordinator', 'BZK')).setLetterSender).toBe(false);
    expect(globalAbilities(actor('observer', 'BZK')).setLetterSender).toBe(false);
  });
});
