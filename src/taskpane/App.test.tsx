// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { AppError } from '../contract/errors';
import { App, isDarkBackground } from './App';

describe('<App>', () => {
  it('shows the bridge version once connected', async () => {
    render(<App bridge={{ getHealth: async () => ({ status: 'ok', version: '9.9.9' }) }} language="en" />);
    expect(await screen.findByText('Connected to the LedgerMail bridge 9.9.9.')).toBeInTheDocument();
  });

  it("shows the bridge's error message, in German", async () => {
    const failing = async () => {
      throw new AppError('bridge_unreachable', 'Die LedgerMail-Bridge ist nicht erreichbar.');
    };
    render(<App bridge={{ getHealth: failing }} language="de" />);
    expect(await screen.findByText('Die LedgerMail-Bridge ist nicht erreichbar.')).toBeInTheDocument();
  });

  it('follows a dark Office theme', () => {
    expect(isDarkBackground('#1f1f1f')).toBe(true);
    expect(isDarkBackground('#ffffff')).toBe(false);
    expect(isDarkBackground(undefined)).toBe(false);
  });
});
