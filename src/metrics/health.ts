/**
 * Liveness and readiness for /healthz and /readyz. Ready only when every named component (e.g.
 * policies, tools, models) has reported itself loaded; the server mounts the endpoints.
 */
export interface ReadyReport {
  ready: boolean;
  components: Record<string, { ready: boolean; detail?: string }>;
}

export interface Health {
  /** Marks a component loaded (or not, with why). Unknown names are refused: a typo must not hide a gap. */
  mark(component: string, ready: boolean, detail?: string): void;
  live(): { ok: true; uptimeSeconds: number };
  ready(): ReadyReport;
}

export function createHealth(components: readonly string[], now: () => number = Date.now): Health {
  const started = now();
  const state = new Map<string, { ready: boolean; detail?: string }>(
    components.map((name) => [name, { ready: false, detail: 'not loaded yet' }]),
  );
  return {
    mark(component, ready, detail) {
      if (!state.has(component)) throw new Error(`unknown health component "${component}"`);
      state.set(component, detail === undefined ? { ready } : { ready, detail });
    },
    live: () => ({ ok: true, uptimeSeconds: Math.round((now() - started) / 1000) }),
    ready() {
      const report = Object.fromEntries(state);
      return { ready: [...state.values()].every((item) => item.ready), components: report };
    },
  };
}
