/**
 * The generated data sets in Python, line for line the algorithms of engine/data/sets
 * (classification2d.ts, regression.ts, settings.ts): the same random numbers drawn in the same
 * order, the same arithmetic in doubles, rounded to float32 wherever the playground stores a
 * Float32Array — so the script's points equal the playground's, bit for bit.
 */
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

/** Largest-remainder class sizes at an imbalance ratio (settings.ts `classSizes`). */
const CLASS_SIZES = `def class_sizes(n, classes, ratio):
    shares = [ratio ** (-c / (classes - 1)) for c in range(classes)]
    total = 0.0
    for share in shares:
        total += share
    exact = [n * share / total for share in shares]
    sizes = [math.floor(e) for e in exact]
    by_remainder = sorted(range(classes), key=lambda c: (-(exact[c] - math.floor(exact[c])), c))
    for k in range(n - sum(sizes)):
        sizes[by_remainder[k]] += 1
    for c in range(classes):
        if sizes[c] == 0:
            sizes[sizes.index(max(sizes))] -= 1
            sizes[c] = 1
    return sizes`;

/** Shape, then noise, then a shuffle (classification2d.ts `pointSet`). */
const POINT_SET = `def point_set(n, classes, imbalance, noise, place, rng):
    sizes = class_sizes(n, classes, imbalance)
    points, labels = [], []
    for label in range(classes):
        for i in range(sizes[label]):
            points += [f32(v) for v in place(label, i, sizes[label], rng)]
            labels.append(label)
    sigma = 0.25 * noise
    points = [f32(v + sigma * rng.normal()) for v in points]
    order = rng.randperm(n)
    return np.array(points, dtype=np.float32).reshape(n, 2)[order], np.array(labels, dtype=np.int64)[order]`;

const PLACE: Record<string, { name: string; code: string }> = {
  circles: {
    name: 'circle_point',
    code: `def circle_point(label, i, count, rng):
    radius = rng.uniform(0, 0.5) if label == 0 else rng.uniform(0.7, 1)
    angle = rng.uniform(0, 2 * math.pi)
    return [radius * math.sin(angle), radius * math.cos(angle)]`,
  },
  xor: {
    name: 'xor_point',
    code: `def xor_point(label, i, count, rng):
    a = rng.uniform(0.05, 1)
    b = rng.uniform(0.05, 1)
    sign = -1 if rng.random() < 0.5 else 1
    return [sign * a, sign * b] if label == 0 else [sign * a, -sign * b]`,
  },
  blobs: {
    name: 'blob_point',
    code: `def blob_point(label, i, count, rng):
    angle = math.pi / 4 + 2 * math.pi * label / CLASSES
    cx, cy = 0.7 * math.cos(angle), 0.7 * math.sin(angle)
    return [cx + 0.08 * rng.normal(), cy + 0.08 * rng.normal()]`,
  },
  spiral: {
    name: 'spiral_point',
    code: `def spiral_point(label, i, count, rng):
    t = i / count
    angle = 2 * math.pi * (1.75 * t + label / CLASSES)
    return [t * math.sin(angle), t * math.cos(angle)]`,
  },
  moons: {
    name: 'moon_point',
    code: `def moon_point(label, i, count, rng):
    angle = 0.0 if count == 1 else math.pi * i / (count - 1)
    if label == 0:
        mx, my = math.cos(angle), math.sin(angle)
    else:
        mx, my = 1 - math.cos(angle), 0.5 - math.sin(angle)
    return [(mx - 0.5) / 1.5, (my - 0.25) / 1.5]`,
  },
};

/** Inputs first, then noise on the targets (regression.ts `curveSet` / `surfaceSet`). */
const CURVE_SET = `def curve_set(n, noise, curve, rng):
    x = [f32(rng.uniform(-1, 1)) for _ in range(n)]
    y = [f32(curve(v)) for v in x]
    sigma = 0.25 * noise
    y = [f32(v + sigma * rng.normal()) for v in y]
    return np.array(x, dtype=np.float32).reshape(n, 1), np.array(y, dtype=np.float32)`;

const SURFACE_SET = `def surface_set(n, noise, surface, rng):
    x = [f32(rng.uniform(-1, 1)) for _ in range(2 * n)]
    y = [f32(surface(x[2 * i], x[2 * i + 1])) for i in range(n)]
    sigma = 0.25 * noise
    y = [f32(v + sigma * rng.normal()) for v in y]
    return np.array(x, dtype=np.float32).reshape(n, 2), np.array(y, dtype=np.float32)`;

const TARGET: Record<string, { kind: 'curve' | 'surface'; name: string; code: string }> = {
  sine: { kind: 'curve', name: 'sine', code: 'def sine(x):\n    return math.sin(math.pi * x)' },
  step: { kind: 'curve', name: 'step', code: 'def step(x):\n    return -1.0 if x < 0 else 1.0' },
  polynomial: { kind: 'curve', name: 'polynomial', code: 'def polynomial(x):\n    return 4 * x * x * x - 3 * x' },
  plane: { kind: 'surface', name: 'plane', code: 'def plane(x1, x2):\n    return (x1 + x2) / 2' },
  bumps: {
    kind: 'surface',
    name: 'bumps',
    code: `BUMPS = [((-0.8, 0.5), 1), ((0.0, 0.5), -1), ((0.8, 0.5), 1), ((-0.8, -0.5), -1), ((0.0, -0.5), 1), ((0.8, -0.5), -1)]


def bumps(x1, x2):
    total = 0.0
    for (cx, cy), height in BUMPS:
        total += height * math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / (2 * 0.25 ** 2))
    return total`,
  },
};

/** Writes the generator of the chosen set and the line that draws `x, y` with it. */
export function writeSyntheticData(w: CodeWriter, ctx: Context): void {
  const { t, dataset } = ctx;
  const fields = ['data.dataset'];
  w.for(fields, () => {
    const place = PLACE[dataset];
    if (place) {
      w.comment(t.data.classSizes);
      w.block(CLASS_SIZES);
      w.blank();
      w.comment(t.data.pointSet);
      w.block(POINT_SET);
      w.blank();
      w.comment(t.data.shape[dataset as keyof typeof t.data.shape]);
      w.block(place.code);
      w.blank();
      w.code(`x, y = point_set(POINTS, CLASSES, IMBALANCE, NOISE, ${place.name}, rng)`, [
        'data.points', 'data.noise', 'data.imbalance', 'data.seed',
      ]);
      return;
    }
    const target = TARGET[dataset];
    w.comment(target.kind === 'curve' ? t.data.curveSet : t.data.surfaceSet);
    w.block(target.kind === 'curve' ? CURVE_SET : SURFACE_SET);
    w.blank();
    w.comment(t.data.shape[dataset as keyof typeof t.data.shape]);
    w.block(target.code);
    w.blank();
    w.code(`x, y = ${target.kind}_set(POINTS, NOISE, ${target.name}, rng)`, ['data.points', 'data.noise', 'data.seed']);
  });
}
