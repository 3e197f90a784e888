/** Links for the keyboard, shown when focused: straight to the run controls, the curves, the code. */
import { useMessages } from '../i18n';
import { jumpTo, type JumpTarget } from './jump';

export function SkipLinks() {
  const m = useMessages().view;
  const links: [JumpTarget, string][] = [
    ['run', m.skipToRun],
    ['curves', m.skipToCurves],
    ['code', m.skipToCode],
  ];
  return (
    <nav className="skip-links" aria-label={m.skipLinks}>
      {links.map(([target, text]) => (
        <a
          key={target}
          className="skip-link"
          href={`#${target}`}
          onClick={(e) => {
            e.preventDefault();
            jumpTo(target);
          }}
        >
          {text}
        </a>
      ))}
    </nav>
  );
}
