// @ts-check
/** The origin the source manifest.xml is written for: the bridge's default development address. */
export const DEV_ORIGIN = 'https://localhost:3000';

/**
 * Normalises the public origin an admin gives (`ADDIN_PUBLIC_URL`): https only (Office loads add-ins over
 * TLS), no query or fragment, no trailing slash. A path prefix is allowed for bridges behind a reverse proxy.
 * @param {string} value
 * @returns {string}
 */
export function normalizePublicUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'https:') throw new Error(`ADDIN_PUBLIC_URL must use https (Office requires it): ${value}`);
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_PUBLIC_URL must not carry credentials, a query or a fragment: ${value}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Rewrites every URL of the manifest from the development origin to the public one.
 * @param {string} xml
 * @param {string} publicUrl
 * @returns {string}
 */
export function rewriteManifestOrigin(xml, publicUrl) {
  return xml.replaceAll(DEV_ORIGIN, normalizePublicUrl(publicUrl));
}
