import { z } from 'zod';

/**
 * The server's Content-Security-Policy allows no eval: zod parses without compiling code (and
 * without even probing whether it may). Imported first by main.tsx, before any schema is made.
 */
z.config({ jitless: true });
