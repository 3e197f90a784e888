import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { warmUpFonts } from './fontWarmup';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) {
  throw new Error('index.html has no element with id "root" to mount the app into.');
}

// The load is split into tasks of its own so that none blocks the page for long: React here; the
// app's modules (imported, not bundled in: their evaluation is a task of its own); the first
// number formatter, which loads the browser's ICU data (35–80 ms, once a page); the page's fonts,
// one a task (see fontWarmup); then the first render, as a transition, which React renders in
// slices of a few milliseconds.
const app = import('./App');
setTimeout(() => new Intl.NumberFormat().format(0), 0);
const fonts = new Promise<void>((resolve) => warmUpFonts(resolve));
const root = createRoot(rootElement);
void Promise.all([app, fonts]).then(([{ App }]) => {
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
