import { hash, verify } from '@node-rs/argon2';

// Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const argon2id = 2;

const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const minimumPasswordLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spends the same time as a real check, so a missing account cannot be told apart by timing. */
let decoyHash: Promise<string> | undefined;
export async function spendTimeLikeAPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password for unknown accounts');
  await passwordMatches(await decoyHash, password);
}
