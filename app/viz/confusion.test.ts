import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHexColour, type Rgb } from './colour';
import { cellStrength, rowShares, supports } from './confusion';
import { contrastRatio, mixSrgb } from './contrast';

describe('confusion numbers', () => {
  const confusion = [
    [8, 2],
    [0, 0],
  ];
  it('gives row sums and row shares (0 for an absent class)', () => {
    expect(supports(confusion)).toEqual([10, 0]);
    expect(rowShares(confusion)).toEqual([
      [0.8, 0.2],
      [0, 0],
    ]);
  });
  it('keeps a single mistake visible', () => {
    expect(cellStrength(0, 0)).toBe(0);
    expect(cellStrength(1, 0.01)).toBeGreaterThan(0.05);
    expect(cellStrength(9, 1)).toBe(1);
  });
});

/**
 * The custom properties the stylesheets give each colour scheme: everything outside a
 * `@media (prefers-color-scheme: dark)` block is light, and the dark blocks override it.
 */
function schemeVariables(files: string[]): Record<'light' | 'dark', Map<string, string>> {
  const light = new Map<string, string>();
  const dark = new Map<string, string>();
  const declarations = (css: string, into: Map<string, string>) => {
    for (const [, name, value] of css.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) into.set(name, value.trim());
  };
  for (const file of files) {
    let css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    for (let at = css.indexOf('@media (prefers-color-scheme: dark)'); at >= 0; at = css.indexOf('@media (prefers-color-scheme: dark)')) {
      let depth = 0;
      let end = css.indexOf('{', at);
      do {
        if (css[end] === '{') depth++;
        if (css[end] === '}') depth--;
        end++;
      } while (depth > 0);
      declarations(css.slice(at, end), dark);
      css = css.slice(0, at) + css.slice(end);
    }
    declarations(css, light);
  }
  return { light, dark: new Map([...light, ...dark]) };
}

const schemes = schemeVariables(['app/styles.css', 'app/theme.css', 'app/viz/output.css']);
const colour = (scheme: 'light' | 'dark', name: string): Rgb => {
  const value = parseHexColour(schemes[scheme].get(name) ?? '');
  if (!value) throw new Error(`${name} is not a #rrggbb colour in the ${scheme} scheme`);
  return value;
};
const percent = (scheme: 'light' | 'dark', name: string): number => {
  const match = /^([\d.]+)%$/.exec(schemes[scheme].get(name) ?? '');
  if (!match) throw new Error(`${name} is not a percentage in the ${scheme} scheme`);
  return Number(match[1]) / 100;
};

describe.each(['light', 'dark'] as const)('text contrast in the output panel, %s colours', (scheme) => {
  it('is what the stylesheet draws: the cell colour mixed into the card up to its tint, in the page text colour', () => {
    const css = readFileSync('app/viz/output.css', 'utf8');
    expect(css).toContain('background: color-mix(in srgb, var(--cell-colour) calc(var(--strength) * var(--cell-tint)), var(--surface));');
    expect(css).toMatch(/\.confusion-cell \{[^}]*color: var\(--text\);/);
    expect(css).not.toMatch(/\.confusion[\w-]* \{[^}]*opacity/);
  });

  it.each([
    ['right', '--class-0', '--confusion-right-tint'],
    ['wrong', '--class-4', '--confusion-wrong-tint'],
  ])('a %s cell has 4.5:1 or more at every row share from 0 to 1', (_, cellColour, tint) => {
    const text = colour(scheme, '--text');
    const surface = colour(scheme, '--surface');
    let lowest = Infinity;
    for (let i = 0; i <= 200; i++) {
      const strength = cellStrength(i, i / 200);
      const background = mixSrgb(colour(scheme, cellColour), surface, strength * percent(scheme, tint));
      lowest = Math.min(lowest, contrastRatio(text, background));
    }
    expect(lowest).toBeGreaterThanOrEqual(4.5);
    expect(lowest).toBeLessThan(7); // the tint is strong enough to read as a colour
  });

  it('muted labels (table heads, shares, axes) and a wrong digit’s label are 4.5:1 or more', () => {
    expect(contrastRatio(colour(scheme, '--text-muted'), colour(scheme, '--surface'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour(scheme, '--text-muted'), colour(scheme, '--background'))).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour(scheme, '--danger'), colour(scheme, '--danger-surface'))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('contrastRatio', () => {
  it('matches WCAG: 21 for black on white, 1 for a colour on itself, 4.54 for #767676 on white', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([0, 114, 178], [0, 114, 178])).toBe(1);
    expect(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });
});
