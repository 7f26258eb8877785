import { createWriteStream } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { annexALists, annexASheetName, writeAnnexAWorkbook } from '../features/annex-a/service.js';
import type { Config } from '../platform/config.js';

/** `hearth export annex-a --as-of YYYY-MM-DD --out FILE.xlsx`: every child, as the authority sends it to Ofsted. */
export async function exportAnnexA(db: Kysely<Database>, config: Config, options: { asOf: string; out: string }): Promise<void> {
  const started = performance.now();
  const lists = await annexALists(db, options.asOf);
  const file = createWriteStream(options.out);
  const closed = new Promise<void>((resolve, reject) => {
    file.on('close', resolve);
    file.on('error', reject);
  });
  await writeAnnexAWorkbook(file, lists, { authority: config.localAuthorityName, asOf: options.asOf });
  await closed;
  const counts = lists.map((l) => `  ${annexASheetName(l.key)}: ${l.rows.length}`).join('\n');
  process.stdout.write(
    `Wrote ${options.out}, as at ${options.asOf} (${((performance.now() - started) / 1000).toFixed(2)} s):\n${counts}\n`,
  );
}
