import type { Attachment } from '../../src/consultations/schema.ts';
import { useI18n } from '../i18n/index.tsx';
import './consultations.css';

/** The title in the UI language. */
export const consultationTitle = (c: { titleNl: string; titleEn: string }, lang: string) =>
  lang === 'en' ? c.titleEn || c.titleNl : c.titleNl || c.titleEn;

export const fileSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`;

export function StatusMarker({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className={`rd-marker rd-marker--consultation-${status}`}>
      {t.consultations.statuses[status] ?? status}
    </span>
  );
}

/** A link to download an attachment, with its size. */
export function AttachmentLink({ a }: { a: Attachment }) {
  return (
    <>
      <a className="utrecht-link utrecht-link--html-a" href={`/api/consultation-attachments/${a.id}`}>
        {a.fileName}
      </a>{' '}
      ({fileSize(a.sizeBytes)})
    </>
  );
}
