/**
 * `npm run stand-in -- bexio|winbiz [--port N]`: serves the accounting stand-in the tests use (the contract
 * fixture in bexio's or WinBIZ's own answers) on loopback, and prints the variables that point a bridge at it,
 * so LedgerMail can be tried on a laptop against a backend without an account there.
 */
import { startHttpStandIn } from '../test/support/http-stand-in';
import { createBexioStandIn } from '../test/support/bexio/bexio-stand-in';
import { STAND_IN_TOKEN } from '../test/support/bexio/bexio-seed';
import { winbizBridgeEnv } from '../test/support/winbiz/winbiz-env';
import { createWinbizStandIn } from '../test/support/winbiz/winbiz-stand-in';

const [backend, ...rest] = process.argv.slice(2);
const portFlag = rest.indexOf('--port');
const port = portFlag >= 0 ? Number(rest[portFlag + 1]) : 4010;

async function main() {
  if (backend === 'bexio') {
    const standIn = createBexioStandIn();
    const { url } = await startHttpStandIn(standIn.handlers, port);
    console.log(`bexio stand-in at ${url}. Start a bridge on it with:\n`);
    console.log(`  ACCOUNTING=bexio BEXIO_API_URL=${url} BEXIO_TOKEN=${STAND_IN_TOKEN} npm run bridge\n`);
    console.log('Its customers: buchhaltung@mueller-baeckerei.example, compta@atelier-dubois.example, …');
    return;
  }
  if (backend === 'winbiz') {
    const standIn = createWinbizStandIn();
    const { url } = await startHttpStandIn(standIn.handlers, port);
    const env = Object.entries(winbizBridgeEnv(standIn, url))
      .map(([name, value]) => `${name}='${value}'`)
      .join(' \\\n    ');
    console.log(`WinBIZ Cloud stand-in at ${url}. Start a bridge on it with:\n`);
    console.log(`  ${env} \\\n    npm run bridge\n`);
    console.log('Its customers: buchhaltung@mueller-baeckerei.example, compta@atelier-dubois.example, …');
    return;
  }
  console.error('Usage: npm run stand-in -- bexio|winbiz [--port 4010]');
  process.exit(2);
}

await main();
