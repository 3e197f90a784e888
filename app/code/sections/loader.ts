/**
 * Part 4, batches: the DataLoader with the playground's batch size, order and drop_last, or a
 * WeightedRandomSampler that evens out the classes; and the augmentation each batch gets.
 */
import { pyBool, pyFloat, pyInt } from '../python';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

/** randomShifts in engine/data/sets/augment.ts: one of stay/up/down/left/right per picture, blanks coming in. */
const SHIFT = `MOVES = [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)]


def shift_one_pixel(images):
    padded = nn.functional.pad(images.view(-1, 8, 8), (1, 1, 1, 1))
    moved = []
    for picture, move in zip(padded, torch.randint(0, 5, (len(images),)).tolist()):
        down, right = MOVES[move]
        moved.append(picture[1 - down:9 - down, 1 - right:9 - right])
    return torch.stack(moved).reshape(-1, 64)`;

function writeAugmentation(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const augmentation = config.data.augmentation;
  w.for(['data.augmentation'], () => {
    if (augmentation === 'none') {
      w.comment(t.loader.noAugmentation);
      return;
    }
    w.code(`AUGMENTATION_STD = ${pyFloat(config.data.augmentationStd)}`, ['data.augmentationStd']);
    w.blank();
    if (augmentation === 'jitter') {
      w.comment(t.loader.jitter);
      w.block('def augment(xb):\n    return xb + AUGMENTATION_STD * torch.randn_like(xb)', ['data.augmentationStd']);
    } else {
      w.comment(t.loader.shift);
      w.block(SHIFT);
      w.blank();
      w.block('def augment(xb):\n    return (shift_one_pixel(xb) + AUGMENTATION_STD * torch.randn_like(xb)).clamp(0, 1)', [
        'data.augmentationStd',
      ]);
    }
  });
}

export function writeLoader(w: CodeWriter, ctx: Context): void {
  const { t, config } = ctx;
  const training = config.training;
  w.startSection('loader', t.sections.loader);
  w.comment(t.loader.batchSize, '', ['training.batchSize']);
  w.code(`BATCH_SIZE = ${pyInt(training.batchSize)}`, ['training.batchSize']);
  w.comment(t.loader.epochs, '', ['training.epochs']);
  w.code(`EPOCHS = ${pyInt(training.epochs)}`, ['training.epochs']);
  w.blank();
  w.code('train_dataset = TensorDataset(X_train, y_train)');
  const dropLast = training.dropLast ? ', drop_last=True' : '';
  const loaderFields = ['training.batchSize', 'training.sampler', 'training.shuffle', 'training.dropLast'];
  if (training.sampler === 'weighted' && ctx.task === 'classification') {
    w.for(['training.sampler'], () => {
      w.comment(t.loader.weightedSampler);
      w.code('class_counts = torch.bincount(y_train, minlength=CLASSES)');
      w.code('sample_weights = 1.0 / class_counts[y_train].double()');
      w.code('sampler = WeightedRandomSampler(sample_weights, num_samples=len(train_dataset), replacement=True)');
    });
    if (training.dropLast) w.comment(t.loader.dropLast, '', ['training.dropLast']);
    w.code(`train_loader = DataLoader(train_dataset, batch_size=BATCH_SIZE, sampler=sampler${dropLast})`, loaderFields);
  } else {
    w.comment(training.shuffle ? t.loader.shuffle : t.loader.noShuffle, '', ['training.shuffle']);
    if (training.dropLast) w.comment(t.loader.dropLast, '', ['training.dropLast']);
    w.code(`train_loader = DataLoader(train_dataset, batch_size=BATCH_SIZE, shuffle=${pyBool(training.shuffle)}${dropLast})`, loaderFields);
  }
  w.blank();
  writeAugmentation(w, ctx);
}
