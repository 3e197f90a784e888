/** The output panel (being built). */
import { Panel } from '../controls/fields';

export function OutputPanel() {
  return <Panel id="output" title="output">{null}</Panel>;
}
