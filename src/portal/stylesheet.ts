/**
 * The portal's one stylesheet: the NL Design System (Utrecht) tokens theme and the CSS of the components
 * the portal pages use, read from node_modules, followed by portal.css. Made once, at the first page or
 * stylesheet request (nothing is read while the server starts), and served at an address holding its
 * content hash, so browsers keep it for a year.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const UTRECHT = path.resolve(HERE, '../../node_modules/@utrecht');

/** The Utrecht packages whose CSS the portal uses (a package missing from node_modules is left out). */
const PACKAGES = [
  'root',
  'body',
  'document',
  'page-header',
  'page-footer',
  'skip-link',
  'link',
  'link-list',
  'nav-list',
  'breadcrumb-nav',
  'heading-1',
  'heading-2',
  'heading-3',
  'heading-4',
  'paragraph',
  'unordered-list',
  'ordered-list',
  'data-list',
  'table',
  'button',
  'form-field',
  'form-label',
  'form-fieldset',
  'form-field-description',
  'textbox',
  'select',
  'pagination',
  'alert',
  'badge-list',
  'status-badge',
];

export interface Stylesheet {
  /** The file name, with its hash: portaal.<hash>.css */
  name: string;
  body: Buffer;
  gzipped: Buffer;
}

let made: Stylesheet | undefined;

function read(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** The stylesheet (made on the first call and kept). */
export function portalStylesheet(): Stylesheet {
  if (made) return made;
  const parts = [read(path.join(UTRECHT, 'design-tokens', 'dist', 'theme.css'))];
  for (const name of PACKAGES) parts.push(read(path.join(UTRECHT, `${name}-css`, 'dist', 'index.css')));
  parts.push(read(path.join(HERE, 'portal.css')));
  const body = Buffer.from(parts.filter(Boolean).join('\n'));
  const hash = crypto.createHash('sha256').update(body).digest('base64url').slice(0, 16);
  made = { name: `portaal.${hash}.css`, body, gzipped: zlib.gzipSync(body) };
  return made;
}

/** The stylesheet's address. */
export const stylesheetHref = (): string => `/openbaar/assets/${portalStylesheet().name}`;
