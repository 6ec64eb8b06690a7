/** The labels of the government's positions and of progress statuses, in Dutch and English (lower case). */
import type { GovernmentPosition, ProgressStatus } from './schema.ts';

export type Lang = 'nl' | 'en';

export const POSITION_LABELS: Record<Lang, Record<GovernmentPosition, string>> = {
  nl: {
    supported: 'aanvaard',
    supported_in_part: 'deels aanvaard',
    noted: 'kennisgenomen',
    agrees: 'eens',
    partly_agrees: 'deels eens',
    disagrees: 'oneens',
    under_consideration: 'in overweging',
  },
  en: {
    supported: 'supported',
    supported_in_part: 'supported in part',
    noted: 'noted',
    agrees: 'agrees',
    partly_agrees: 'partly agrees',
    disagrees: 'disagrees',
    under_consideration: 'under consideration',
  },
};

export const STATUS_LABELS: Record<Lang, Record<ProgressStatus, string>> = {
  nl: {
    not_started: 'niet gestart',
    in_progress: 'in uitvoering',
    partially_implemented: 'gedeeltelijk uitgevoerd',
    implemented: 'uitgevoerd',
    not_implemented: 'niet uitgevoerd',
    no_longer_relevant: 'niet meer relevant',
  },
  en: {
    not_started: 'not started',
    in_progress: 'in progress',
    partially_implemented: 'partially implemented',
    implemented: 'implemented',
    not_implemented: 'not implemented',
    no_longer_relevant: 'no longer relevant',
  },
};
