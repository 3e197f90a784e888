/**
 * Running generated scripts with the Python that has PyTorch (Debian's python3-torch): whether it is
 * there, and one Python process that runs many scripts (torch is imported once, which is most of a
 * short script's time).
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The interpreter the tests use; PLAYGROUND_PYTHON overrides Debian's. */
export const PYTHON = process.env.PLAYGROUND_PYTHON ?? '/usr/bin/python3';

/** Why the Python tests cannot run here, or null when they can. */
export function pythonMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error) return `${PYTHON} was not found (${probe.error.message})`;
  if (probe.status !== 0) return `${PYTHON} cannot import torch and numpy (${probe.stderr.trim().split('\n').pop()})`;
  return null;
}

/** The message a skipped test shows, saying what to install. */
export function skipMessage(reason: string): string {
  return `SKIPPED: ${reason}. Install Debian's python3-torch and python3-numpy (apt-get install -y python3-torch python3-numpy) to run it.`;
}

/** Runs each script in a fresh namespace, one after another, in one process; a sys.exit ends only that script. */
const DRIVER = `import os, runpy, sys, traceback
for path in sys.argv[1:]:
    print("SCRIPT " + path, flush=True)
    code = 0
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc(file=sys.stdout)
        code = 1
    print("EXIT " + str(code), flush=True)
`;

export interface ScriptRun {
  exitCode: number;
  output: string;
  /** The FINAL line's JSON, or null when there was none. */
  final: Record<string, number | string | null> | null;
  /** The DATA line's JSON (with PLAYGROUND_CHECK_DATA), or null. */
  data: Record<string, unknown> | null;
}

function lineJson(output: string, tag: string): Record<string, never> | null {
  const line = output.split('\n').find((l) => l.startsWith(`${tag} `));
  return line ? JSON.parse(line.slice(tag.length + 1)) : null;
}

/** Writes `scripts` (name → text) into a fresh folder with the CSV files beside them, as a user would save them. */
function saveScripts(scripts: Record<string, string>, csvFiles: readonly string[]): Map<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'playground-code-'));
  for (const file of csvFiles) copyFileSync(join('public/datasets', file), join(folder, file));
  const paths = new Map<string, string>();
  for (const [name, text] of Object.entries(scripts)) {
    const path = join(folder, `${name}.py`);
    writeFileSync(path, text);
    paths.set(name, path);
  }
  return paths;
}

function run(args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // From another folder than the script's: the script must find its CSV beside itself, not in the working directory.
    execFile(
      PYTHON,
      args,
      { cwd: tmpdir(), env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: error && code === -1 ? `${error.message}\n${stderr}` : stderr });
      },
    );
  });
}

function parse(code: number, output: string): ScriptRun {
  return { exitCode: code, output, final: lineJson(output, 'FINAL'), data: lineJson(output, 'DATA') };
}

/**
 * Runs every script as its own `python3 script.py` process, as a user would, `parallel` at a time,
 * each with a timeout.
 */
export async function runEach(
  scripts: Record<string, string>,
  options: { csvFiles: readonly string[]; timeoutMs: number; parallel: number; env?: Record<string, string> },
): Promise<Record<string, ScriptRun>> {
  const paths = [...saveScripts(scripts, options.csvFiles)];
  const runs: Record<string, ScriptRun> = {};
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const [name, path] = paths[next++];
      const result = await run([path], options.env ?? {}, options.timeoutMs);
      runs[name] = parse(result.code, result.stdout + result.stderr);
    }
  };
  await Promise.all(Array.from({ length: options.parallel }, worker));
  return runs;
}

/** Runs many scripts in one Python process (torch imported once), each in a fresh namespace. */
export async function runInOneProcess(
  scripts: Record<string, string>,
  options: { csvFiles: readonly string[]; timeoutMs: number; env?: Record<string, string> },
): Promise<Record<string, ScriptRun>> {
  const paths = saveScripts(scripts, options.csvFiles);
  const driver = join(tmpdir(), `playground-driver-${process.pid}.py`);
  writeFileSync(driver, DRIVER);
  const result = await run([driver, ...paths.values()], options.env ?? {}, options.timeoutMs);
  const byPath = new Map([...paths].map(([name, path]) => [path, name]));
  const runs: Record<string, ScriptRun> = {};
  for (const part of result.stdout.split(/^SCRIPT /m).slice(1)) {
    const name = byPath.get(part.slice(0, part.indexOf('\n')));
    const exit = /^EXIT (-?\d+)$/m.exec(part);
    if (name !== undefined) runs[name] = parse(exit ? Number(exit[1]) : -1, part);
  }
  if (result.code !== 0) throw new Error(`The Python driver failed (${result.code}): ${result.stderr}`);
  return runs;
}
