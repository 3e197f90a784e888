/**
 * The real data sets in Python: read from the CSV files the playground ships (downloaded next to the
 * script), or — for iris and wine, which are small — embedded in the script itself; then, for the
 * class-imbalance lesson, the same random subsampling as engine/data/sets/subsample.ts.
 */
import irisCsv from '../../../public/datasets/iris.csv?raw';
import wineCsv from '../../../public/datasets/wine_data.csv?raw';
import { USER_DATA_FILE, userData, type UserDataInfo } from '../../../engine/train/config';
import type { CodeWriter } from '../writer';
import type { Context } from '../context';

/** The sets small enough to travel inside the script, by the CSV text the playground reads. */
const EMBEDDED: Partial<Record<string, { constant: string; text: string }>> = {
  iris: { constant: 'IRIS_CSV', text: irisCsv },
  wine: { constant: 'WINE_CSV', text: wineCsv },
};

/** How each file-based set is read: file name, loadtxt options, and how the columns split. */
const FILES: Partial<Record<string, { files: string[]; read: string[] }>> = {
  digits: {
    files: ['digits.csv'],
    read: ['table = read_csv("digits.csv", delimiter=",")', 'x, y = table[:, :64], table[:, 64].astype(np.int64)'],
  },
  breastCancer: {
    files: ['breast_cancer.csv'],
    read: ['table = read_csv("breast_cancer.csv", delimiter=",", skiprows=1)', 'x, y = table[:, :30], table[:, 30].astype(np.int64)'],
  },
  diabetes: {
    files: ['diabetes_data.csv', 'diabetes_target.csv'],
    read: ['x = read_csv("diabetes_data.csv")', 'y = read_csv("diabetes_target.csv")'],
  },
};

/** The CSV files a script for this data set reads from its own folder ([] when none: generated or embedded). */
export function csvFilesFor(dataset: string): string[] {
  if (dataset === 'custom') return [userData()?.fileName ?? USER_DATA_FILE];
  return FILES[dataset]?.files.slice() ?? [];
}

/**
 * A person's own table (engine/data/sets/userTable.ts, the same rules): the csv module reads the
 * file as the page did (separator, quotes, header), every column but the target becomes a feature,
 * and classes are numbered as the page numbers them (numbers in numeric order, text by code point).
 */
function writeUserTable(w: CodeWriter, ctx: Context, info: UserDataInfo): void {
  const { t } = ctx;
  const quote = (v: string) => JSON.stringify(v);
  w.comment(t.data.userTable(info.fileName, info.columns[info.target]));
  w.code(`CSV_FILE = ${quote(info.fileName)}`);
  w.code(`TARGET = ${quote(info.columns[info.target])}`);
  w.block(READ_CSV.split('\n\n\n')[0]);
  w.blank();
  w.block(`def read_table(name):
    path = DATA_DIR / name
    if not path.exists():
        sys.exit(f"Cannot find {path}: save your table as {name} next to this script.")
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [[cell.strip() for cell in row] for row in csv.reader(f, delimiter=${quote(info.separator)}) if any(cell.strip() for cell in row)]
    ${info.hasHeader ? 'return [name or f"column {j + 1}" for j, name in enumerate(rows[0])], rows[1:]' : 'return [f"column {j + 1}" for j in range(len(rows[0]))], rows'}`);
  w.blank();
  w.code('columns, rows = read_table(CSV_FILE)');
  w.code('target = columns.index(TARGET)');
  w.code('x = np.array([[float(v) for j, v in enumerate(row) if j != target] for row in rows], dtype=np.float64).astype(np.float32)');
  if (info.task === 'classification') {
    const numeric = info.classNames.every((c) => c !== '' && Number.isFinite(Number(c)));
    w.code(`CLASS_NAMES = sorted({row[target] for row in rows}${numeric ? ', key=float' : ''})`);
    w.code('y = np.array([CLASS_NAMES.index(row[target]) for row in rows], dtype=np.int64)');
  } else {
    w.code('y = np.array([float(row[target]) for row in rows], dtype=np.float64).astype(np.float32)');
  }
}

const READ_CSV = `DATA_DIR = Path(__file__).resolve().parent if "__file__" in globals() else Path.cwd()


def read_csv(name, **options):
    path = DATA_DIR / name
    if not path.exists():
        sys.exit(f"Cannot find {path}: download {name} from the Training Playground (beside the code) "
                 "and save it next to this script.")
    return np.loadtxt(path, dtype=np.float64, **options).astype(np.float32)`;

/** subsample.ts `subsampleToRatio`: rank classes by size, keep shares ratio^(-rank/(K-1)). */
const SUBSAMPLE = `def subsample_to_ratio(x, y, classes, ratio, rng):
    by_class = [[i for i in range(len(y)) if y[i] == c] for c in range(classes)]
    present = sorted([rows for rows in by_class if rows], key=lambda rows: -len(rows))
    share = [ratio ** (-rank / (len(present) - 1)) for rank in range(len(present))]
    largest = min(len(rows) / share[rank] for rank, rows in enumerate(present))
    kept = []
    for rank, rows in enumerate(present):
        keep = min(len(rows), max(1, round_half_up(largest * share[rank])))
        order = rng.randperm(len(rows))
        kept += [rows[order[k]] for k in range(keep)]
    kept.sort()
    return x[kept], y[kept]`;

export function writeRealData(w: CodeWriter, ctx: Context): void {
  const { t, dataset, config } = ctx;
  w.for(['data.dataset'], () => {
    const embedded = EMBEDDED[dataset];
    const own = dataset === 'custom' ? userData() : null;
    if (own) {
      writeUserTable(w, ctx, own);
    } else if (embedded) {
      const rows = embedded.text.trim().split(/\r?\n/);
      w.comment(t.data.embedded(rows.length - 1));
      w.code(`${embedded.constant} = """\\`);
      for (const row of rows) w.data(row.trim());
      w.code('"""');
      const features = Number(rows[0].split(',')[1]);
      w.code(`table = np.loadtxt(io.StringIO(${embedded.constant}), delimiter=",", skiprows=1).astype(np.float32)`);
      w.code(`x, y = table[:, :${features}], table[:, ${features}].astype(np.int64)`);
    } else {
      const files = FILES[dataset]!;
      w.comment(t.data.download(files.files));
      w.block(READ_CSV);
      w.blank();
      w.block(files.read.join('\n'));
    }
  });
  if (ctx.task !== 'classification') return;
  w.blank();
  w.for(['data.imbalance'], () => {
    if (config.data.imbalance <= 1) {
      w.comment(t.data.noSubsample);
      return;
    }
    w.comment(t.data.subsample);
    w.block(SUBSAMPLE);
    w.blank();
    w.code('x, y = subsample_to_ratio(x, y, CLASSES, IMBALANCE, rng)', ['data.seed']);
  });
}
