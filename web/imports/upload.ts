import type { ImportKind, ImportSummary } from '../../src/recommendations/schema.ts';
import { ApiError, errorOf, getCsrfToken, parseJson, qs } from '../lib/api.ts';

export type Progress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

/** What to do with the file: a preview (nothing stored) or the import; all rows or the valid ones only. */
export interface Run {
  mode: 'preview' | 'commit';
  validRowsOnly: boolean;
}

/**
 * Sends a file as the raw request body with XMLHttpRequest, so that the upload progress can be shown;
 * reports when the upload is done and the server starts working.
 */
export function uploadImport(
  kind: ImportKind,
  file: File,
  run: Run,
  onProgress: (p: Progress) => void,
): Promise<ImportSummary> {
  const url = `/api/imports/${kind}${qs({
    fileName: file.name,
    preview: run.mode === 'preview' ? 'true' : 'false',
    validRowsOnly: run.validRowsOnly ? 'true' : 'false',
  })}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', getCsrfToken() ?? '');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
      }
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as ImportSummary);
      else if (xhr.status >= 200 && xhr.status < 300)
        reject(new ApiError(xhr.status, null, 'The answer of the server could not be read.'));
      else reject(errorOf(xhr.status, xhr.statusText, body, xhr.getResponseHeader('retry-after')));
    };
    xhr.onerror = () => reject(new ApiError(0, null, 'network error'));
    onProgress({ phase: 'uploading', percent: 0 });
    xhr.send(file);
  });
}

/** Row errors of a refused import: problem+json errors with paths like "row 5". */
export function rowErrors(err: unknown): { row: number; message: string }[] | null {
  if (!(err instanceof ApiError) || !err.is('import_invalid')) return null;
  return (err.problem?.errors ?? []).map((e) => ({
    row: Number(/\d+/.exec(e.path)?.[0] ?? 0),
    message: e.message,
  }));
}
