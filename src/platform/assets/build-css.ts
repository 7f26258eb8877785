import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const source = path.join(root, 'src/platform/assets/hearth.scss');
export const stylesheetPath = path.join(root, 'public/build/hearth.css');

async function modifiedAt(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return 0;
  }
}

/** Compiles the council-branded stylesheet when it is missing or older than its source. */
export async function ensureStylesheet(): Promise<boolean> {
  if ((await modifiedAt(stylesheetPath)) > (await modifiedAt(source))) return false;
  const result = await sass.compileAsync(source, {
    importers: [new sass.NodePackageImporter(root)],
    loadPaths: [root],
    style: 'compressed',
    quietDeps: true,
    logger: sass.Logger.silent,
    silenceDeprecations: ['import'],
  });
  await mkdir(path.dirname(stylesheetPath), { recursive: true });
  await writeFile(stylesheetPath, result.css);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await ensureStylesheet();
  console.log(`Stylesheet written to ${path.relative(root, stylesheetPath)}`);
}
