/**
 * Runs one workload's training step in a loop, for a CPU profile of our engine alone:
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.ts tiny 4
 * then open the .cpuprofile in Chrome DevTools (Performance → Load profile).
 */
import { makeOurStep } from './ours';
import { workloads } from './workloads';

const name = process.argv[2] ?? 'tiny';
const seconds = Number(process.argv[3] ?? 4);
const workload = workloads.find((w) => w.name === name);
if (!workload) throw new Error(`Unknown workload "${name}"; choose one of ${workloads.map((w) => w.name).join(', ')}`);

const step = makeOurStep(workload);
const start = performance.now();
let steps = 0;
while (performance.now() - start < seconds * 1000) {
  step();
  steps++;
}
console.log(`${name}: ${Math.round(steps / seconds)} steps/s over ${seconds} s`);
