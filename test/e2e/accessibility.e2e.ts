import { workbenchSession } from './support/e2e-session';

const openWorkbench = workbenchSession('a11y');

describe('accessibility of the task pane', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations in the ${theme} theme`, async () => {
      const wb = await openWorkbench(`axe-${theme}`, { theme });
      await wb.pane().getByRole('heading', { level: 1 }).waitFor();
      // Let the pane finish its first requests, so axe sees the settled page rather than a spinner.
      await wb.page.waitForLoadState('networkidle');
      const violations = await wb.axeViolations();
      await wb.screenshot(`pane-${theme}`);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
    });
  }

  it('reaches the ribbon and the task pane with the Tab key alone', async () => {
    const wb = await openWorkbench('keyboard');
    await wb.pane().getByRole('heading', { level: 1 }).waitFor();
    await wb.page.waitForLoadState('networkidle');
    const reached = new Set<string>();
    for (let i = 0; i < 60 && !(reached.has('ribbon:Registered') && reached.has('pane')); i++) {
      await wb.page.keyboard.press('Tab');
      const where = await wb.page.evaluate(() => {
        const active = document.activeElement;
        if (active?.tagName === 'IFRAME' && active.getAttribute('title') === 'LedgerMail task pane') return 'pane';
        if (active?.closest('.ribbon')) return `ribbon:${active.textContent?.trim()}`;
        return active?.tagName ?? 'none';
      });
      reached.add(where);
    }
    expect(reached).toContain('ribbon:Registered');
    expect(reached).toContain('pane');
    // Focus inside the pane lands on one of its own controls, not on the frame's body.
    const paneFocus = await (await wb.paneFrame()).evaluate(() => document.activeElement?.tagName ?? 'none');
    expect(paneFocus).not.toBe('BODY');
    await wb.screenshot('keyboard-in-pane');
  });
});
