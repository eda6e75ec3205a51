// Passwords: Argon2id hashes, and the refusal of the most common passwords.
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const commonPasswords = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
const frenchCommon = ["azertyuiop", "motdepasse", "azerty123456", "motdepasse123", "bonjour12345", "soleil123456", "123456789azerty"];
for (const p of frenchCommon) commonPasswords.add(p);

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE =
  "Ce mot de passe fait partie des plus courants : choisissez-en un autre, par exemple une phrase de plusieurs mots.";

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password, ARGON2_OPTIONS);
  } catch {
    return false;
  }
}
