/**
 * A group of radio buttons drawn as tiles: one tab stop (the checked item, or the first), arrow keys
 * move the choice (selection follows focus, as in the ARIA radio group pattern), Home/End jump.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface RadioGroupProps<T extends string> {
  /** id of the element that names the group */
  labelledBy: string;
  items: readonly T[];
  /** the checked item, or null when the choice lies in another group */
  checked: T | null;
  onPick: (item: T) => void;
  className: string;
  itemClassName: string;
  /** the item's visible content (its text is the radio's accessible name) */
  render: (item: T, checked: boolean) => ReactNode;
  /** a longer description, shown on hover */
  title?: (item: T) => string;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const { items, checked, onPick } = props;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const tabStop = checked !== null && items.includes(checked) ? items.indexOf(checked) : 0;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    let next: number | null = null;
    if (event.key in STEP) next = (index + STEP[event.key] + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === null) return;
    event.preventDefault();
    refs.current[next]?.focus();
    onPick(items[next]);
  };

  return (
    <div role="radiogroup" aria-labelledby={props.labelledBy} className={props.className}>
      {items.map((item, index) => {
        const isChecked = item === checked;
        return (
          <button
            key={item}
            ref={(element) => void (refs.current[index] = element)}
            type="button"
            role="radio"
            aria-checked={isChecked}
            tabIndex={index === tabStop ? 0 : -1}
            className={props.itemClassName}
            title={props.title?.(item)}
            onClick={() => !isChecked && onPick(item)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {props.render(item, isChecked)}
          </button>
        );
      })}
    </div>
  );
}
