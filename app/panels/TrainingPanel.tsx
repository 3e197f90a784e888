/** The training panel (being built). */
import { Panel } from '../controls/fields';

export function TrainingPanel() {
  return <Panel id="training" title="training">{null}</Panel>;
}
