/**
 * The sender the installation prints on its letters and memos: the organisation, its unit, the
 * address lines, the font and the logo. Shared by the server and the browser app: zod only.
 */
import { z } from 'zod';
import { Version } from '../shared/schema.ts';

const Line = (max = 300) => z.string().trim().min(1, 'must not be empty').max(max);

/** At most 2 MB of PNG, as base64. */
export const LOGO_MAX_BYTES = 2_000_000;
const Base64 = z
  .string()
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, 'must be at most 2 MB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be the bytes of a PNG image, base64-encoded');

export const SenderFields = z.object({
  organisation: Line(),
  unit: Line().nullable().default(null),
  addressLines: z.array(Line()).max(12).default([]),
  font: Line(64).default('Verdana'),
});

/** The sender as the settings page shows it. */
export const SenderSetting = SenderFields.extend({
  /** The logo as base64 PNG, or null when none is set. */
  logo: z.string().nullable(),
  /** 0 while the installation uses the default sender. */
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
});
export type SenderSetting = z.infer<typeof SenderSetting>;

/** A change of the sender: `logo` null removes it, left out keeps it. */
export const SenderUpdate = SenderFields.extend({
  logo: Base64.nullable().optional(),
  version: Version.or(z.literal(0)),
});
export type SenderUpdate = z.infer<typeof SenderUpdate>;
