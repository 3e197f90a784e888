/**
 * Part 2: a port of the playground's random number generator (engine/random.ts) to Python, so the
 * script draws the very same data and split. Python ints are unbounded, so every 32-bit step is
 * masked with `& MASK`, which is what JavaScript's `>>> 0` and `Math.imul` do.
 */
import type { CodeWriter } from '../writer';
import type { Context } from '../context';
import type { Comments } from '../comments.en';

const generator = (t: Comments): string => `MASK = 0xFFFFFFFF


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


class PlaygroundRandom:
    def __init__(self, seed):
        state = seed & MASK

        def splitmix32():
            nonlocal state
            state = (state + 0x9E3779B9) & MASK
            z = state
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & MASK
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & MASK
            return (z ^ (z >> 16)) & MASK

        self.s = [splitmix32() for _ in range(4)]
        self.spare_normal = None

    def next_uint32(self):  # xoshiro128**
        s0, s1, s2, s3 = self.s
        result = (rotl((s1 * 5) & MASK, 7) * 9) & MASK
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        self.s = [s0, s1, s2, rotl(s3, 11)]
        return result

    def random(self):
        return self.next_uint32() / 4294967296

    def uniform(self, low, high):
        return low + (high - low) * self.random()

    def normal(self):  # ${t.random.normal}
        if self.spare_normal is not None:
            z, self.spare_normal = self.spare_normal, None
            return z
        u = 0.0
        while u == 0.0:
            u = self.random()
        v = self.random()
        r = math.sqrt(-2 * math.log(u))
        self.spare_normal = r * math.sin(2 * math.pi * v)
        return r * math.cos(2 * math.pi * v)

    def randint(self, n):  # ${t.random.randint}
        limit = 4294967296 - 4294967296 % n
        x = self.next_uint32()
        while x >= limit:
            x = self.next_uint32()
        return x % n

    def randperm(self, n):  # ${t.random.randperm}
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.randint(i + 1)
            order[i], order[j] = order[j], order[i]
        return order
`;

export function writeRandom(w: CodeWriter, { t }: Context): void {
  w.startSection('random', t.sections.random);
  w.comment(t.random.intro);
  w.blank();
  w.block(generator(t));
  w.blank();
  w.comment(t.random.f32);
  w.block('def f32(value):\n    return float(np.float32(value))');
  w.blank();
  w.comment(t.random.round);
  w.block('def round_half_up(value):\n    return math.floor(value + 0.5)');
}
