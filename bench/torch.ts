/**
 * PyTorch on the same workloads, through Debian's python3-torch if it is installed
 * (bench/torch_bench.py, one thread). Returns null, silently, when it is not.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MeasureOptions } from './measure';
import type { Workload } from './workloads';

const PYTHON = '/usr/bin/python3';

/** Steps per second by workload name, or null when PyTorch is unavailable or fails. */
export function measureTorch(list: Workload[], options: MeasureOptions): Map<string, number> | null {
  if (!existsSync(PYTHON)) return null;
  const script = fileURLToPath(new URL('./torch_bench.py', import.meta.url));
  const result = spawnSync(PYTHON, [script], {
    input: JSON.stringify({ workloads: list, measure: options }),
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  if (result.status !== 0) return null;
  try {
    const rates = JSON.parse(result.stdout) as Record<string, number>;
    return new Map(Object.entries(rates));
  } catch {
    return null;
  }
}
