import crypto from 'node:crypto';

// argon2 is a native module that takes a while to load, and a start needs it only to create the first
// administrator: it is loaded when a password is first hashed or checked.
let loading: Promise<typeof import('argon2')> | undefined;
const argon2 = () => (loading ??= import('argon2'));

/** argon2id with the library's defaults (64 MiB, 3 passes, 4 lanes). */
export async function hashPassword(password: string): Promise<string> {
  const a = await argon2();
  return a.hash(password, { type: a.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(hash, password);
  } catch {
    return false;
  }
}

/** A password for a first admin, printed once: 20 characters from an unambiguous alphabet. */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | undefined;
export const getDummyHash = () => (dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex')));
