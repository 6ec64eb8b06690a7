import { useI18n } from '../i18n/index.tsx';

/** Fields that change with every write or say nothing to a reader. */
const HIDDEN = new Set(['id', 'version', 'createdAt', 'updatedAt', 'search', 'passwordHash', 'tokenHash']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** "leadVerifiedBy" → "lead verified by". */
const humanised = (key: string) =>
  key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();

/** The name an audit row's data gives its entity (name, title, label, code or e-mail), if any. */
export function entityName(before: unknown, after: unknown): string | null {
  for (const o of [record(after), record(before)]) {
    for (const k of ['nameNl', 'name', 'title', 'titleNl', 'label', 'shortName', 'code', 'email']) {
      const v = o[k];
      if (typeof v === 'string' && v.trim()) return v;
    }
  }
  return null;
}

/**
 * The changed fields of an audit row, readable: each field with its value before and after (dates as
 * dates, references and hashes as a word, lists joined), or the fields of a created or deleted row.
 */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t, date, dateTime } = useI18n();
  const fieldName = (k: string) => t.auditFields[k] ?? humanised(k);
  const b = record(before);
  const a = record(after);
  const value = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return t.common.none;
    if (typeof v === 'boolean') return v ? t.common.yes : t.common.no;
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string') {
      if (UUID.test(v)) return t.audit.reference;
      if (/^[0-9a-f]{64}$/i.test(v)) return t.audit.fingerprint;
      if (DAY.test(v)) return date(v);
      if (TIMESTAMP.test(v)) return dateTime(v);
      return v.length > 300 ? `${v.slice(0, 300)}…` : v;
    }
    if (Array.isArray(v)) return v.length ? v.map(value).join(', ') : t.common.none;
    const o = record(v);
    const named = entityName(null, o);
    return named ?? `${Object.keys(o).length} ${t.audit.fields}`;
  };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  const changed =
    before != null && after != null
      ? keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
      : keys.filter((k) => (after != null ? a[k] : b[k]) != null);
  if (!changed.length && (before != null || after != null)) return <>{t.audit.noFieldChanges}</>;
  if (!changed.length) return <>{t.common.none}</>;
  return (
    <dl className="rd-audit-changes">
      {changed.map((k) => (
        <div key={k}>
          <dt>{fieldName(k)}</dt>
          <dd data-recorded>
            {before != null && after != null ? (
              <>
                <del>{value(b[k])}</del> → <ins>{value(a[k])}</ins>
              </>
            ) : (
              value(after != null ? a[k] : b[k])
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
