/**
 * `npm run wasm`: compiles the engine's WebAssembly kernels (engine/wasm/assembly/*.ts, in
 * AssemblyScript) twice — with relaxed SIMD and with plain SIMD — and writes both binaries as
 * base64 into engine/wasm/generated/kernels.ts (not committed: every script that needs it runs
 * this first, and it does nothing when the output is newer than its sources).
 *
 *   npm run wasm              build when a source changed
 *   npm run wasm -- --force   build anyway
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDir = join(root, 'engine/wasm/assembly');
const entry = join(sourceDir, 'index.ts');
const output = join(root, 'engine/wasm/generated/kernels.ts');

const sources = readdirSync(sourceDir).map((f) => join(sourceDir, f));
const newestSource = Math.max(...sources.map((f) => statSync(f).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (!process.argv.includes('--force') && existsSync(output) && statSync(output).mtimeMs > newestSource) {
  process.exit(0);
}

/** One binary: `features` are asc's --enable list. */
async function compile(features: string): Promise<Uint8Array> {
  let binary: Uint8Array | null = null;
  const { error, stderr } = await asc.main(
    [entry, '--outFile', 'kernels.wasm', '-O3', '--runtime', 'stub', '--noAssert', '--importMemory', '--enable', features],
    {
      writeFile(name: string, contents: Uint8Array | string) {
        if (name.endsWith('.wasm') && typeof contents !== 'string') binary = contents;
      },
    },
  );
  if (error) throw new Error(`asc failed (${features}): ${error.message}\n${stderr.toString()}`);
  if (binary === null) throw new Error(`asc wrote no binary (${features})`);
  return binary;
}

/**
 * Throws when the module has a data segment: the engine's heap (engine/wasm/heap.ts) hands out
 * the whole memory from byte 16, so static data there (AssemblyScript's Math tables, strings)
 * would be overwritten by tensors — and the kernels reading it would read tensors.
 */
function checkNoData(binary: Uint8Array, features: string): void {
  let at = 8; // magic and version
  const leb = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = binary[at++];
      value |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value >>> 0;
    }
  };
  while (at < binary.length) {
    const id = binary[at++];
    const size = leb();
    if (id === 11 && size > 1) throw new Error(`the ${features} kernels have a data segment (${size} bytes): something in engine/wasm/assembly uses static data`);
    at += size;
  }
}

const relaxed = await compile('simd,relaxed-simd');
const simd = await compile('simd');
checkNoData(relaxed, 'relaxed SIMD');
checkNoData(simd, 'SIMD');
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(
  output,
  `// Written by scripts/wasm/build.ts from engine/wasm/assembly; do not edit, not committed.\n` +
    `/** The kernels built with relaxed SIMD (f32x4.relaxed_madd), ${relaxed.length} bytes. */\n` +
    `export const RELAXED_SIMD = '${base64(relaxed)}';\n` +
    `/** The same kernels with plain SIMD only, ${simd.length} bytes. */\n` +
    `export const SIMD = '${base64(simd)}';\n`,
);
process.stderr.write(`wasm: ${relaxed.length} + ${simd.length} bytes → ${output}\n`);
