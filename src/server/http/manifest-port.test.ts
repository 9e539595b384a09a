import { readFileSync } from 'node:fs';
import { rewriteManifestOrigin } from '../../../tools/manifest-origin.js';
import { manifestPortWarning } from './manifest-port.js';

// The source manifest, as a build without ADDIN_PUBLIC_URL serves it (https://localhost:3000).
const built = readFileSync('manifest.xml', 'utf8');

describe("the manifest's port at start-up", () => {
  it('warns when the bridge listens on another port than the manifest names, and says how to fix it', () => {
    const warning = manifestPortWarning(built, 8443);
    expect(warning).toContain('https://localhost:3000');
    expect(warning).toContain('port 8443');
    expect(warning).toContain('ADDIN_PUBLIC_URL=https://localhost:8443 npm run build');
    expect(warning).toContain('PORT=3000');
  });

  it('says nothing when the ports agree, or when the manifest names a public origin', () => {
    expect(manifestPortWarning(built, 3000)).toBeUndefined();
    expect(manifestPortWarning(rewriteManifestOrigin(built, 'https://localhost:8443'), 8443)).toBeUndefined();
    // Behind a reverse proxy the public port differs from the bridge's own, as it should.
    expect(manifestPortWarning(rewriteManifestOrigin(built, 'https://mail.example.ch'), 8443)).toBeUndefined();
    expect(manifestPortWarning('<OfficeApp/>', 8443)).toBeUndefined();
  });
});
