/**
 * The code panel: the PyTorch program that does exactly what the playground does, for the current
 * experiment, in the page's language — highlighted, with the lines a change rewrote lit up for a
 * moment and the lines of the setting being pointed at marked; copy it, or download it as a script
 * or a notebook with the data files it reads. The generator (app/code, with its embedded data sets)
 * and the highlighter load when the panel comes near the screen, so the first page load stays small.
 */
import { ownTable } from '../bridge/ownTable';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Panel, SwitchField } from '../controls/fields';
import { inTurn } from '../controls/inTurn';
import { useMessages } from '../i18n';
import { useStore } from '../store';
import { copyText, downloadText } from '../codeView/browser';
import { DownloadIcon } from './icons';
import type { CodeViewHandle } from '../codeView/CodeView';
import { CodeSkeleton } from '../codeView/CodeSkeleton';
import { useNearViewport } from '../controls/useNearViewport';
import '../codeView/codeView.css';

type CodeModule = typeof import('../code');

interface LoadedCode {
  module: CodeModule;
  /** the highlighted view (with its tokenizer), loaded with the generator */
  CodeView: typeof import('../codeView/CodeView').CodeView;
  /** the program and its tokens for a config and language, memoised */
  codeFor: ReturnType<typeof import('../codeView/memo').makeCodeCache>;
}

let loaded: LoadedCode | null = null;
let loading: Promise<LoadedCode> | null = null;

/** Loads the generator once for the page; a failed load can be tried again. */
function loadCode(): Promise<LoadedCode> {
  loading ??= Promise.all([import('../code'), import('../codeView/CodeView'), import('../codeView/memo')]).then(
    ([module, view, memo]) => {
      loaded = { module, CodeView: view.CodeView, codeFor: memo.makeCodeCache(module.pytorchScript) };
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

type CopyState = 'idle' | 'copied' | 'blocked';

/** Mounted in its turn at load (see inTurn). */
export const CodePanel = inTurn(CodePanelContent);

function CodePanelContent() {
  const m = useMessages();
  const config = useStore((s) => s.config);
  const language = useStore((s) => s.language);
  const hoveredField = useStore((s) => s.hoveredField);
  const sweep = useStore((s) => s.sweep);
  const [code, setCode] = useState(loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const [wrap, setWrap] = useState(true);
  const codeView = useRef<CodeViewHandle>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  const near = useNearViewport(toolbar);

  useEffect(() => {
    if (code !== null || !near) return;
    let alive = true;
    setFailed(false);
    loadCode().then(
      (c) => alive && setCode(c),
      () => alive && setFailed(true),
    );
    return () => {
      alive = false;
    };
  }, [code, attempt, near]);

  const view = useMemo(() => (code === null ? null : code.codeFor(config, language)), [code, config, language]);
  const files = useMemo(() => code?.module.exportFiles(config) ?? null, [code, config]);

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), copyState === 'copied' ? 2500 : 10_000);
    return () => clearTimeout(timer);
  }, [copyState]);

  const copy = useCallback(async () => {
    if (view === null) return;
    setCopyState('idle');
    if (await copyText(view.code.text)) {
      setCopyState('copied');
    } else {
      codeView.current?.selectAll();
      setCopyState('blocked');
    }
  }, [view]);

  const ready = code !== null && view !== null && files !== null;
  const c = m.code;
  const wrapSwitch = <SwitchField label={c.wrap} tip={c.wrapTip} checked={wrap} onChange={setWrap} />;

  return (
    <Panel id="code" title={c.title}>
      <p className="code-intro">{c.intro}</p>
      <div className="code-toolbar" ref={toolbar}>
        <button type="button" className="button" disabled={!ready} onClick={() => void copy()}>
          <CopyIcon /> {c.copy}
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-label={c.downloadPy}
          title={c.downloadPyTip}
          onClick={() => ready && downloadText(files.script, view.code.text, 'text/x-python;charset=utf-8')}
        >
          <DownloadIcon /> {c.downloadPyShort}
        </button>
        <button
          type="button"
          className="button"
          disabled={!ready}
          aria-label={c.downloadNotebook}
          title={c.downloadNotebookTip}
          onClick={() => ready && downloadText(files.notebook, code.module.toNotebook(config, language), 'application/x-ipynb+json')}
        >
          <DownloadIcon /> {c.downloadNotebookShort}
        </button>
        {sweep !== null && (
          <button
            type="button"
            className="button"
            disabled={!ready}
            aria-label={c.downloadSweep}
            title={c.downloadSweepTip(sweep.path)}
            data-testid="download-sweep"
            onClick={() => {
              // on the experiment the comparison ran on (its first run's, with the value set again)
              const base = useStore.getState().pastRuns.find((r) => r.id === sweep.runIds[0])?.config ?? config;
              const text = ready ? code.module.sweepScript(base, { path: sweep.path, values: sweep.values }, { language }) : null;
              if (text !== null) downloadText(`compare_${sweep.path.split('.').pop()}_${files!.script}`, text, 'text/x-python;charset=utf-8');
            }}
          >
            <DownloadIcon /> {c.downloadSweepShort}
          </button>
        )}
        <span className={`code-copy-status code-copy-${copyState}`} role="status" aria-live="polite">
          {copyState === 'copied' ? `✓ ${c.copied}` : copyState === 'blocked' ? c.copyBlocked : ''}
        </span>
      </div>
      {files !== null && files.csv.length > 0 && (
        <p className="code-files">
          {c.dataFiles(files.csv.length)}{' '}
          {files.csv.map((name, i) => (
            <span key={name}>
              {i > 0 && ', '}
              <a
                href={config.data.dataset === 'custom' ? '#' : `./datasets/${name}`}
                download={name}
                title={c.dataFile(name)}
                onClick={(e) => {
                  // one's own table is not on the server: it is handed over from the page, as it was read
                  const own = ownTable();
                  if (config.data.dataset !== 'custom' || own === null) return;
                  e.preventDefault();
                  downloadText(name, own[0], 'text/csv');
                }}
              >
                {name}
              </a>
            </span>
          ))}
        </p>
      )}
      {ready ? (
        <code.CodeView
          ref={codeView}
          view={view}
          language={language}
          hoveredField={hoveredField}
          wrap={wrap}
          changedLines={code.module.changedLines}
          linesForField={code.module.linesForField}
          options={wrapSwitch}
        />
      ) : (
        <CodeSkeleton failed={failed} onRetry={() => setAttempt((a) => a + 1)} options={wrapSwitch} />
      )}
    </Panel>
  );
}

function CopyIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
      <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h1" />
    </svg>
  );
}
