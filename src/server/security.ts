import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../core/config.ts';

/** How long browsers keep to HTTPS once they have seen it (HSTS), in seconds: one year. */
const HSTS_MAX_AGE = 365 * 24 * 3600;

/**
 * The Content-Security-Policy of every answer. The browser app and the API documentation
 * (/api/docs) load their scripts and styles as files from this server, so nothing inline is
 * allowed; images may be data: URLs (icons in stylesheets); no page may frame this one.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The policy of the API documentation (/api/docs): its renderer (Scalar, served from this server)
 * adds <style> elements and style attributes at run time, so its pages allow inline styles;
 * scripts stay limited to files from this server, and it connects nowhere else.
 */
export const docsContentSecurityPolicy = (header: string): string =>
  header.replace(/(^|;)\s*style-src 'self'/, "$1style-src 'self' 'unsafe-inline'");

/**
 * Security headers on every answer (@fastify/helmet): the Content-Security-Policy above,
 * X-Frame-Options DENY, nosniff, a Referrer-Policy that sends the origin only to this site, and,
 * when the server runs behind HTTPS (SECURE_COOKIES=true, which also marks the session cookie
 * Secure), Strict-Transport-Security.
 */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: contentSecurityPolicy(config.secureCookies),
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'same-origin' },
    hsts: config.secureCookies ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
    // Same-origin only: the app embeds nothing from elsewhere.
    crossOriginEmbedderPolicy: false,
  });
}
