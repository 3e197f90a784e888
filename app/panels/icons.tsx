/** Small inline icons for the run buttons (system fonts lack some media symbols). */
const common = { width: 14, height: 14, viewBox: '0 0 16 16', 'aria-hidden': true, fill: 'currentColor' } as const;

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11l9-5.5z" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...common}>
    <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" />
  </svg>
);
export const StepIcon = () => (
  <svg {...common}>
    <path d="M3 2.5v11l7.5-5.5zM11 2.5h2.5v11H11z" />
  </svg>
);
export const ResetIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
    <path d="M3 8a5 5 0 1 0 1.6-3.7" />
    <path d="M3 2.5v3h3" />
  </svg>
);
export const ChevronIcon = () => (
  <svg {...common}>
    <path d="M4 6l4 4 4-4z" />
  </svg>
);

export function DownloadIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
      <path d="M8 2v8M4.5 7 8 10.5 11.5 7M2.5 13.5h11" />
    </svg>
  );
}
