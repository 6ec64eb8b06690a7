/** Multipart form bodies for tests that post forms and files the way a browser does. */
import crypto from 'node:crypto';

export interface FilePart {
  name: string;
  content: Buffer;
  /** The content type the browser would send (application/octet-stream when unknown). */
  type?: string;
}

/** A multipart/form-data body of text fields and files (the files in the field "files"). */
export function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----rd${crypto.randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\n` +
          `Content-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
