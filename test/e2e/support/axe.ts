import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core in a page or frame and returns its violations. axe is evaluated through the browser's
 * debugging protocol rather than added as a <script>: the add-in's own pages carry a CSP that refuses inline
 * scripts, and the test must not loosen it.
 */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await target.evaluate(AXE_SOURCE);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: { exclude: string[] }): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[]; html: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    // Fluent's focus manager (Tabster) puts aria-hidden, focusable <i data-tabster-dummy> sentinels at
    // the edges of focus groups; they hand focus on at once and are never read. axe cannot know that.
    const results = await axe.run({ exclude: ['[data-tabster-dummy]'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`),
    }));
  });
}
