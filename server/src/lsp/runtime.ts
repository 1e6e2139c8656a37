/** What the language server needs from the world, injected so tests and other hosts can provide it. */
export interface Runtime {
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Milliseconds from an arbitrary origin, for durations. */
  now(): number;
}

export interface Disposable {
  dispose(): void;
}

export const nodeRuntime: Runtime = {
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  now: () => performance.now(),
};
