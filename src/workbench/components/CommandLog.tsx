import { FUNCTION_COMMAND_TIME_LIMIT_MS, type CommandRun } from '../office-sim';
import { useCommandRuns } from '../workbench-context';

function describe(run: CommandRun): string {
  switch (run.status) {
    case 'running':
      return 'running, completed() not called yet';
    case 'completed':
      return `completed() called after ${run.completedAfterMs} ms${run.completedCalls > 1 ? ` (called ${run.completedCalls} times)` : ''}`;
    case 'threw':
      return `threw before completed(): ${run.error}`;
    case 'timed-out':
      return `completed() not called within ${FUNCTION_COMMAND_TIME_LIMIT_MS / 60_000} minutes: Outlook would stop it`;
    case 'not-associated':
      return 'no function associated under this name (Office.actions.associate)';
  }
}

/** Every ribbon function run, so a missing event.completed() shows instead of a silently spinning button. */
export function CommandLog() {
  const runs = useCommandRuns();
  return (
    <section className="panel" aria-labelledby="command-log-title">
      <h2 id="command-log-title">Function commands</h2>
      {runs.length === 0 ? (
        <p>No ribbon function has run yet.</p>
      ) : (
        <ol className="command-log" aria-label="Command runs">
          {[...runs].reverse().map((run) => (
            <li key={run.id} data-status={run.status} data-function-name={run.functionName}>
              <code>{run.functionName}</code>: {describe(run)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
