import { makeOurStep } from '../bench/ours';
import { workloads } from '../bench/workloads';
const w = workloads.find((x) => x.name === (process.argv[2] ?? 'digits'))!;
const step = makeOurStep(w);
const t = performance.now(); let n = 0;
while (performance.now() - t < 6000) { step(); n++; }
console.log(n / 6);
