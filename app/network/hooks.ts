/** The diagram's two browser hooks: its box's width, and the theme's colours for canvas drawing. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { parseHex, type HeatColors } from './heatmap';
import type { LinkColors } from './draw';

/** A ref for an element and its content width, followed as it resizes (`fallback` until measured). */
export function useElementWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth) || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width) || fallback));
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width] as const;
}

export interface DiagramColors {
  links: LinkColors;
  heat: HeatColors;
}

/** Light-theme colours, also used before the element is measured (and in tests). */
export const DEFAULT_COLORS: DiagramColors = {
  links: { positive: '#0072b2', negative: '#e69f00', idle: '#9a9cb0' },
  heat: { positive: parseHex('#0072b2'), negative: parseHex('#e69f00'), zero: parseHex('#f4f4f7') },
};

/** The --nn-* colours of `ref`'s element (network.css sets them per theme), re-read when the theme changes. */
export function useDiagramColors(ref: React.RefObject<HTMLElement | null>): DiagramColors {
  const [colors, setColors] = useState(DEFAULT_COLORS);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof getComputedStyle === 'undefined') return;
    const read = () => {
      const style = getComputedStyle(element);
      const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
      const positive = value('--nn-positive', DEFAULT_COLORS.links.positive);
      const negative = value('--nn-negative', DEFAULT_COLORS.links.negative);
      const zero = value('--nn-zero', '#f4f4f7');
      setColors({
        links: { positive, negative, idle: value('--nn-idle', DEFAULT_COLORS.links.idle) },
        heat: { positive: parseHex(positive), negative: parseHex(negative), zero: parseHex(zero) },
      });
    };
    read();
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    media?.addEventListener('change', read);
    return () => media?.removeEventListener('change', read);
  }, [ref]);
  return colors;
}
