/** The model panel (being built). */
import { Panel } from '../controls/fields';

export function ModelPanel() {
  return <Panel id="model" title="model">{null}</Panel>;
}
