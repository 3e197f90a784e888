/** The data panel (being built). */
import { Panel } from '../controls/fields';

export function DataPanel() {
  return <Panel id="data" title="data">{null}</Panel>;
}
