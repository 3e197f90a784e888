import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n';
import { displayClassName, displayClassNames } from './classNames';
import { digitPixels, pickDigits } from './digits';
import { outputView, pictureFits } from './outputView';

describe('pickDigits', () => {
  // four images of classes 0, 1, 2, 1; the network says 0, 2, 2, 1
  const truth = new Float32Array([0, 1, 2, 1]);
  const probabilities = new Float32Array([0.9, 0.05, 0.05, 0.1, 0.3, 0.6, 0.2, 0.1, 0.7, 0.1, 0.8, 0.1]);

  it('labels each image with its argmax and counts the mistakes', () => {
    const all = pickDigits(truth, probabilities, 3, 10, false);
    expect(all.items.map((d) => d.predicted)).toEqual([0, 2, 2, 1]);
    expect(all.items[1]).toMatchObject({ index: 1, truth: 1, predicted: 2 });
    expect(all.items[1].confidence).toBeCloseTo(0.6);
    expect(all.wrong).toBe(1);
    expect(all.total).toBe(4);
  });

  it('shows at most `count` images, or only the mistakes', () => {
    expect(pickDigits(truth, probabilities, 3, 2, false).items.map((d) => d.index)).toEqual([0, 1]);
    expect(pickDigits(truth, probabilities, 3, 10, true).items.map((d) => d.index)).toEqual([1]);
  });

  it('draws ink dark on a light ground, clamping odd levels', () => {
    const x = new Float32Array([0, 16, 8, 99, 0, 0, 0, 0]);
    const pixels = digitPixels(x, 0, 2);
    expect(pixels.length).toBe(16);
    expect(pixels[0]).toBe(250);
    expect(pixels[4]).toBe(20);
    expect(pixels[8]).toBe(135);
    expect(pixels[12]).toBe(20);
    expect(pixels[3]).toBe(255);
    expect(digitPixels(x, 1, 2)[0]).toBe(250); // the second image
  });
});

describe('class names', () => {
  const en = messagesFor('en').output;
  const zh = messagesFor('zh-CN').output;
  it('numbers plain classes, keeps digits, translates known names', () => {
    expect(displayClassNames(en, ['0', '1'], 2, false)).toEqual(['Class 0', 'Class 1']);
    expect(displayClassNames(zh, ['class_0', 'class_2'], 2, false)).toEqual(['类别 0', '类别 2']);
    expect(displayClassName(zh, 'setosa', 0, false)).toBe('山鸢尾');
    expect(displayClassName(en, 'malignant', 0, false)).toBe('Malignant');
    expect(displayClassName(en, '7', 7, true)).toBe('7');
    expect(displayClassName(en, 'toString', 0, false)).toBe('toString');
    expect(displayClassNames(en, [], 2, false)).toEqual(['Class 0', 'Class 1']);
  });
});

describe('output view', () => {
  it('picks the picture for each kind of data set', () => {
    expect(outputView({ features: 2, task: 'classification', imageShape: null })).toBe('plane');
    expect(outputView({ features: 2, task: 'regression', imageShape: null })).toBe('plane');
    expect(outputView({ features: 1, task: 'regression', imageShape: null })).toBe('curve');
    expect(outputView({ features: 64, task: 'classification', imageShape: [8, 8] })).toBe('digits');
    expect(outputView({ features: 4, task: 'classification', imageShape: null })).toBe('table');
    expect(outputView({ features: 10, task: 'regression', imageShape: null })).toBe('scatter');
  });

  it('refuses a picture made for other data (another class count or size)', () => {
    const split = { x: new Float32Array(0), y: new Float32Array(0), n: 0 };
    const points = { task: 'classification' as const, features: 2, classes: 3, classNames: [], imageShape: null, train: split, validation: split };
    const picture = (channels: number, length: number) => ({ grid: new Float32Array(length), resolution: 4, channels, run: 1 });
    expect(pictureFits(picture(3, 48), points)).toBe(true);
    expect(pictureFits(picture(2, 32), points)).toBe(false);
    expect(pictureFits(null, points)).toBe(false);
    expect(pictureFits(picture(1, 4), { ...points, task: 'regression', features: 1, classes: 0 })).toBe(true);
  });
});
