/**
 * Function commands (ExecuteFunction) as Outlook runs them: the function associated under the manifest's
 * FunctionName gets an event whose completed() must be called on every path, within 5 minutes. The
 * workbench shows each run, so a missing completed() is visible instead of a silently spinning ribbon.
 */
export const FUNCTION_COMMAND_TIME_LIMIT_MS = 5 * 60 * 1000;

export type CommandRunStatus = 'running' | 'completed' | 'threw' | 'timed-out' | 'not-associated';

export type CommandRun = {
  readonly id: number;
  readonly functionName: string;
  readonly controlId: string;
  readonly startedAt: number;
  readonly status: CommandRunStatus;
  /** Milliseconds from the click to the first completed() call. */
  readonly completedAfterMs?: number;
  readonly completedCalls: number;
  /** What the first completed() was given: an event handler's answer (Smart Alerts' allowEvent and message). */
  readonly completedWith?: unknown;
  readonly error?: string;
};

export type AddinCommandEvent = {
  source: { id: string };
  completed(options?: unknown): void;
};

export class CommandRegistry {
  private readonly functions = new Map<string, (event: AddinCommandEvent) => unknown>();
  private runs: readonly CommandRun[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly timeLimitMs = FUNCTION_COMMAND_TIME_LIMIT_MS) {}

  associate = (name: string, fn: (event: AddinCommandEvent) => unknown): void => {
    this.functions.set(name, fn);
    this.notify();
  };

  clearAssociations = (): void => {
    this.functions.clear();
    this.notify();
  };

  associatedNames = (): string[] => [...this.functions.keys()];

  getRuns = (): readonly CommandRun[] => this.runs;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs the associated function as a ribbon click would; resolves once completed() was called or it failed. */
  run(functionName: string, controlId: string): Promise<CommandRun> {
    const id = this.nextId++;
    const startedAt = performance.now();
    const fn = this.functions.get(functionName);
    if (!fn) {
      this.record({ id, functionName, controlId, startedAt, status: 'not-associated', completedCalls: 0 });
      return Promise.resolve(this.find(id));
    }
    this.record({ id, functionName, controlId, startedAt, status: 'running', completedCalls: 0 });
    return new Promise<CommandRun>((resolve) => {
      const timer = setTimeout(() => {
        this.patch(id, { status: 'timed-out' });
        resolve(this.find(id));
      }, this.timeLimitMs);
      const event: AddinCommandEvent = {
        source: { id: controlId },
        completed: (options?: unknown) => {
          const run = this.find(id);
          if (run.completedCalls > 0) {
            this.patch(id, { completedCalls: run.completedCalls + 1 });
            return;
          }
          clearTimeout(timer);
          this.patch(id, {
            status: 'completed',
            completedCalls: 1,
            ...(options === undefined ? {} : { completedWith: options }),
            completedAfterMs: Math.round(performance.now() - startedAt),
          });
          resolve(this.find(id));
        },
      };
      try {
        fn(event);
      } catch (error) {
        clearTimeout(timer);
        this.patch(id, { status: 'threw', error: error instanceof Error ? error.message : String(error) });
        resolve(this.find(id));
      }
    });
  }

  private find(id: number): CommandRun {
    const run = this.runs.find((r) => r.id === id);
    if (!run) throw new Error(`No command run ${id}`);
    return run;
  }

  private record(run: CommandRun): void {
    this.runs = [...this.runs, run];
    this.notify();
  }

  private patch(id: number, change: Partial<CommandRun>): void {
    this.runs = this.runs.map((r) => (r.id === id ? { ...r, ...change } : r));
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
