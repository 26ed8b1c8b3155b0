import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateEncryptionKey, type KeyringOptions } from "@plugboard/server";

/**
 * The demo keeps its encryption key beside its database so restarts can read old secrets.
 * A real deployment loads the keyring from its secret manager instead.
 */
export function loadDemoKeyring(dataDir: string): KeyringOptions {
  const file = join(dataDir, "encryption-keys.json");
  if (!existsSync(file)) {
    const keyring: KeyringOptions = { currentKeyId: "k1", keys: { k1: generateEncryptionKey() } };
    writeFileSync(file, JSON.stringify(keyring, null, 2), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, "utf8")) as KeyringOptions;
}
