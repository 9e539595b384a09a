import { createSimulatedOffice } from '../../src/workbench/office-sim';
import { detectOfficeHost, type OfficeReady } from '../../src/services/office-host';
import { loadOfficeJsOutsideOffice } from '../support/real-office-js';

describe('detectOfficeHost', () => {
  it('finds Outlook where Office.onReady names it (the workbench’s simulated Outlook)', async () => {
    const { office } = createSimulatedOffice();
    expect(await detectOfficeHost(office)).toBe('outlook');
  });

  it('finds no Outlook with the real office.js in a page opened outside Office', async () => {
    const real = await loadOfficeJsOutsideOffice();
    try {
      await expect(real.office.onReady()).resolves.toMatchObject({ host: null });
      expect(await detectOfficeHost(real.office)).toBe('outside-outlook');
    } finally {
      real.close();
    }
  });

  it('finds no Outlook in another Office application', async () => {
    const { office } = createSimulatedOffice();
    const word = {
      HostType: office.HostType,
      onReady: () =>
        Promise.resolve({ host: 'Word' as unknown as Office.HostType, platform: office.PlatformType.OfficeOnline }),
    };
    expect(await detectOfficeHost(word as unknown as OfficeReady)).toBe('outside-outlook');
  });
});
