import { fmt, useI18n } from '../i18n/index.tsx';

/**
 * Who did something, as a person reads it: a user's name as recorded, and for the command line, the
 * system and public submitters a word instead of the internal label ("cli:unknown", "public:3f9a…").
 */
export function useActorName() {
  const { t } = useI18n();
  return (label: string | null | undefined): string => {
    if (!label) return t.common.none;
    const cli = /^cli:(.*)$/.exec(label);
    if (cli) {
      const who = cli[1] ?? '';
      return who && who !== 'unknown' && who !== 'seed' ? fmt(t.actors.cliUser, { user: who }) : t.actors.cli;
    }
    if (label === 'system' || label === 'e2e' || label.startsWith('system:')) return t.actors.system;
    if (label.startsWith('public:')) return t.actors.public;
    return label;
  };
}
