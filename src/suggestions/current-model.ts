/**
 * The model the app asks, and whether a suggestion reaches the model's threshold: the model proposes
 * the labels whose probability reaches the threshold of that label, and when none does, the best of
 * a vocabulary all the same; that one is below its threshold. The bulk tagging of an import accepts
 * only suggestions that reach their threshold. A decision names the model version the user saw:
 * one made on the suggestions of a model replaced since is refused.
 */
import { suggestionErrors } from './errors.ts';
import { loadModel, type Suggestion, type SuggestionModel } from './model.ts';

export interface CurrentModel {
  model: SuggestionModel;
  version: string;
  /** The suggestion reaches the threshold of its label. */
  likely(s: Suggestion): boolean;
}

/** Scores come rounded to three decimals: a threshold is compared at the same precision. */
const rounded = (x: number) => Math.round(x * 1000) / 1000;

export function currentModel(): CurrentModel {
  let model: SuggestionModel;
  try {
    model = loadModel();
  } catch (err) {
    // Without its stored file there is no model to ask.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw suggestionErrors.model_unavailable();
    throw err;
  }
  return {
    model,
    version: model.version,
    likely: (s) => {
      const t = model.thresholds.get(`${s.vocabulary}|${s.label}`);
      return t !== undefined && s.score >= rounded(t);
    },
  };
}

/** Refuses a decision made on the suggestions of another model than the current one. */
export function assertCurrentVersion(current: CurrentModel, sent: string): void {
  if (sent !== current.version) throw suggestionErrors.model_changed({ sent, current: current.version });
}
