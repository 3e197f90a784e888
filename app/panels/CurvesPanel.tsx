/** The curves panel (being built). */
import { Panel } from '../controls/fields';

export function CurvesPanel() {
  return <Panel id="curves" title="curves">{null}</Panel>;
}
