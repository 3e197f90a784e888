/**
 * The data set picker: the generated sets as thumbnails (2-D classes; regression curves and surfaces)
 * and the real sets by name with their size and task. Three radio groups, one choice in all.
 */
import { useId } from 'react';
import { DATASETS, type DatasetName } from '../../engine/train/config';
import { formatNumber, useLanguage, useMessages } from '../i18n';
import { RadioGroup } from './RadioGroup';
import { Thumbnail } from './Thumbnail';
import { CLASSIFICATION_THUMBNAILS, REGRESSION_THUMBNAILS, type ThumbnailSet } from './thumbnails';

export const REAL_SETS = ['digits', 'iris', 'wine', 'breastCancer', 'diabetes'] as const;
type RealSet = (typeof REAL_SETS)[number];

function CheckMark() {
  return (
    <span className="dataset-check" aria-hidden="true">
      <svg width="10" height="10" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={2.6} strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 8.5l3.2 3.2L13 4.8" />
      </svg>
    </span>
  );
}

interface PickerProps {
  selected: DatasetName;
  onPick: (dataset: DatasetName) => void;
}

export function DatasetPicker({ selected, onPick }: PickerProps) {
  const m = useMessages();
  const language = useLanguage();
  const id = useId();
  const inGroup = <T extends DatasetName>(items: readonly T[]): T | null => ((items as readonly DatasetName[]).includes(selected) ? (selected as T) : null);
  const thumbnail = (item: ThumbnailSet, checked: boolean) => (
    <>
      <span className="dataset-thumb-frame">
        <Thumbnail name={item} />
      </span>
      {checked && <CheckMark />}
      <span className="dataset-thumb-name">{m.data.names[item]}</span>
    </>
  );
  const realDetails = (item: RealSet) => {
    const info = DATASETS[item];
    const size = m.data.size[item](formatNumber(language, info.size ?? 0));
    const task = info.task === 'classification' ? m.data.classCount(info.classes) : m.data.regressionTask;
    return `${size} · ${task}`;
  };

  return (
    <div className="dataset-picker">
      <h3 id={`${id}-classification`} className="data-group-title">
        {m.data.groups.classification}
      </h3>
      <RadioGroup
        labelledBy={`${id}-classification`}
        items={CLASSIFICATION_THUMBNAILS}
        checked={inGroup(CLASSIFICATION_THUMBNAILS)}
        onPick={onPick}
        className="dataset-thumbs"
        itemClassName="dataset-thumb"
        render={thumbnail}
        title={(item) => m.data.about[item]}
      />
      <h3 id={`${id}-regression`} className="data-group-title">
        {m.data.groups.regression}
      </h3>
      <RadioGroup
        labelledBy={`${id}-regression`}
        items={REGRESSION_THUMBNAILS}
        checked={inGroup(REGRESSION_THUMBNAILS)}
        onPick={onPick}
        className="dataset-thumbs"
        itemClassName="dataset-thumb"
        render={thumbnail}
        title={(item) => m.data.about[item]}
      />
      <h3 id={`${id}-real`} className="data-group-title">
        {m.data.groups.real}
      </h3>
      <RadioGroup
        labelledBy={`${id}-real`}
        items={REAL_SETS}
        checked={inGroup(REAL_SETS)}
        onPick={onPick}
        className="dataset-reals"
        itemClassName="dataset-real"
        render={(item, checked) => (
          <>
            <span className="dataset-real-name">
              {m.data.names[item]}
              <span className="visually-hidden"> · </span>
            </span>
            <span className="dataset-real-details">{realDetails(item)}</span>
            {checked && <CheckMark />}
          </>
        )}
        title={(item) => m.data.about[item]}
      />
    </div>
  );
}
