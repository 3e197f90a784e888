import { EngineCheck } from './engineCheck/EngineCheck';

/** Landing page with a live run of the engine; the training view replaces its body in a later issue. */
export function App() {
  return (
    <div className="page">
      <main className="landing">
        <img className="landing-mark" src="./favicon.svg" alt="" width={56} height={56} />
        <h1>Training Playground</h1>
        <p className="landing-lede">
          Train a neural network in your browser and watch it learn, step by step, with the same
          nouns and verbs as PyTorch.
        </p>
        <EngineCheck />
      </main>
      <footer className="page-footer">
        Data sets from the UCI Machine Learning Repository, as shipped with scikit-learn.{' '}
        <a href="./datasets/README.md">Sources and licences</a>
      </footer>
    </div>
  );
}
