/**
 * Keyboard shortcuts: Space play/pause, → one step, r reset — but never while the user types in a
 * field or has a button focused (Space there must press the button).
 */
import * as training from './bridge/training';

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON' || target.isContentEditable;
}

export function installShortcuts(): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
    if (event.key === ' ') {
      event.preventDefault();
      void training.togglePlay();
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      void training.step(event.shiftKey ? 'epoch' : 1);
    } else if (event.key === 'r' || event.key === 'R') {
      event.preventDefault();
      void training.reset();
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
