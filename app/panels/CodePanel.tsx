/** The code panel (being built). */
import { Panel } from '../controls/fields';

export function CodePanel() {
  return <Panel id="code" title="code">{null}</Panel>;
}
