/** The page's foot: what runs the engine's kernels in the run's worker, once it has said. */
import { useMessages } from '../i18n';
import { useStore } from '../store';

export function Footer() {
  const m = useMessages();
  const backend = useStore((s) => s.engineBackend);
  return (
    <footer className="app-footer">
      <p data-backend={backend ?? undefined}>{backend === null ? '\u00a0' : m.common.engineBackend(m.common.backendNames[backend])}</p>
    </footer>
  );
}
