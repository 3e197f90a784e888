import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { warmUpFonts } from './fontWarmup';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('index.html has no element with id "root" to mount the app into.');
}

// The load is split into tasks of its own so that none blocks the page for long (each was part
// of a task of 50–80 ms before): React's evaluation here; then, each in a timer, the app's modules
// in stages (the messages of both languages, the store, which reads the saved preferences and
// runs, then the rest), the page's fonts, one a task (see fontWarmup), React's root; then the
// first render, as a transition, which React renders in slices of a few milliseconds. Numbers are
// written without Intl.NumberFormat, whose first use loads ICU's data in one task of 15–60 ms
// (i18n/numbers.ts); the first chart frame mounts in steps (charts/Frame.tsx).
const nextTask = () => new Promise((resolve) => setTimeout(resolve));
const app = nextTask()
  .then(() => import('./i18n'))
  .then(nextTask)
  .then(() => import('./store'))
  .then(nextTask)
  .then(() => import('./App'));
const fonts = nextTask().then(() => new Promise<void>(warmUpFonts));
void Promise.all([app, fonts]).then(([{ App }]) => {
  const root = createRoot(rootElement);
  setTimeout(() =>
    startTransition(() =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    ),
  );
});
