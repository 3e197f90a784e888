/** The Model panel (the forward pass): see app/modelLite/ModelPanelView.tsx. */
export { ModelPanelView as ModelPanel } from '../modelLite/ModelPanelView';
