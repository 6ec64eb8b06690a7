/**
 * `npm run build:web:if-missing`: builds the browser app when it has not been built yet (no index.html in
 * dist/web, or in $RIGHTSDESK_WEB_DIST). `rightsdesk serve` makes the same check itself.
 */
import { buildWebIfMissing } from '../src/cli/serve-web.ts';

try {
  await buildWebIfMissing();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
