import crypto from 'node:crypto';
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { daysBetween } from '../../../src/server/accounting/ledger/dates.js';
import { FIXTURE_COMPANY, FIXTURE_TODAY } from '../accounting-fixture.js';
import { decryptPkcs1v15 } from './pkcs1.js';
import {
  EUR_RATE,
  seedFromFixture,
  type StandInAddress,
  type StandInDocument,
  type StandInState,
} from './winbiz-seed.js';

/**
 * WinBIZ Cloud's `POST /Bizinfo` as its help center documents it: the six headers (names base64 or not, the
 * password RSA/PKCS#1 v1.5 encrypted and really decrypted here), errors in an HTTP 200 body, and the methods
 * LedgerMail calls: Addresses, Documents (100 a call after the id passed), AddressesPendingPayments,
 * AddressPendingPayments, Folders. Served in-process with msw `setupServer` or over loopback with
 * `startHttpStandIn` (the path matches any origin).
 */
export type WinbizFaults = {
  /** Answer every call with this body error (`{ ErrorsCount: 1, ErrorLast: code, ErrorsMsg }`). */
  bodyError?: { code: number; message?: string };
  httpStatus?: number;
  /** A body that is not JSON at all. */
  malformedJson?: boolean;
  /** A body that is JSON but not WinBIZ's envelope. */
  wrongShape?: boolean;
  delayMs?: number;
  networkError?: boolean;
};

export type WinbizStandInRequest = { method: string; parameters: unknown[]; headers: Record<string, string> };

export type WinbizStandInOptions = {
  today?: string;
  companyName?: string;
  username?: string;
  password?: string;
  companyId?: string;
  year?: string;
  key?: string;
  /** The URL the connector is told; the handlers answer any origin. */
  apiUrl?: string;
};

const envelope = (value: unknown) => HttpResponse.json({ ErrorsCount: 0, ErrorLast: 0, ErrorsMsg: '', Value: value });
const failure = (code: number, message: string) =>
  HttpResponse.json({ ErrorsCount: 1, ErrorLast: code, ErrorsMsg: message, Value: null });

/** `Lighthouse GmbH` or its base64: WinBIZ takes either without being told which. */
function sameName(header: string | null, expected: string): boolean {
  if (header === null) return false;
  return header === expected || Buffer.from(header, 'base64').toString('utf8') === expected;
}

const dotNetDate = (iso: string) => `${iso}T00:00:00`;
const major = (cents: number) => Math.round(cents) / 100;
const localCents = (doc: StandInDocument, cents: number) =>
  doc.currency === 'CHF' ? cents : Math.round(cents * EUR_RATE);

export function createWinbizStandIn(options: WinbizStandInOptions = {}) {
  const today = options.today ?? FIXTURE_TODAY;
  const login = {
    apiUrl: options.apiUrl ?? 'https://api.winbizcloud.example',
    key: options.key ?? 'ledgermail-dev-key',
    companyName: options.companyName ?? FIXTURE_COMPANY.name,
    username: options.username ?? 'anna.meier',
    password: options.password ?? 'Sägewerk-2026!',
    companyId: options.companyId ?? '3',
    year: options.year ?? today.slice(0, 4),
  };
  // WinBIZ's real key is 1024 bits too (its published PEM); small keys keep the tests fast.
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const state: StandInState = seedFromFixture();
  const faults: WinbizFaults = {};
  const requests: WinbizStandInRequest[] = [];

  const openCents = (doc: StandInDocument) =>
    doc.IsDraft || doc.IsCancelled ? 0 : Math.max(doc.totalCents - doc.paidCents, 0);
  const delayOf = (doc: StandInDocument) => daysBetween(doc.DueDate, today);
  /** The help center's intervals: up to `to` days late (0: no upper limit), more than `from` days late. */
  const inInterval = (doc: StandInDocument, to: unknown, from: unknown) => {
    const late = delayOf(doc);
    const upper = typeof to === 'number' && to > 0 ? to : Infinity;
    return late <= upper && (typeof from !== 'number' || late > from);
  };
  const openDocuments = () => state.documents.filter((d) => openCents(d) > 0);
  const addressById = (id: number) => state.addresses.find((a) => a.Id === id);

  function addressRow(a: StandInAddress, detail: unknown, additional: unknown) {
    const base = { Id: a.Id, Code: a.Code, SimpleName: a.SimpleName, Operation: 'U' };
    const fields =
      typeof additional === 'string'
        ? additional
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean)
        : [];
    const extra = Object.fromEntries(fields.map((f) => [f, a.extra[f] ?? '']));
    if (detail !== 1) return { ...base, ...extra };
    const { extra: _extra, modifiedOn: _modified, ...full } = a;
    return { ...full, Operation: 'U', ...extra };
  }

  function documentRow(d: StandInDocument) {
    return {
      DocumentId: d.DocumentId,
      DocumentType: d.DocumentType,
      DocumentNumber: d.DocumentNumber,
      DocumentDate: dotNetDate(d.DocumentDate),
      DueDate: dotNetDate(d.DueDate),
      AddressId: d.AddressId,
      LocalTotalAmount: major(localCents(d, d.totalCents)),
      ForeignTotalAmount: d.currency === 'CHF' ? 0 : major(d.totalCents),
      ForeignCurrency: d.currency === 'CHF' ? '' : d.currency,
      IsDraft: d.IsDraft,
      IsCancelled: d.IsCancelled,
    };
  }

  function openItemRow(d: StandInDocument) {
    const a = addressById(d.AddressId);
    const foreign = d.currency !== 'CHF';
    return {
      DocumentType: d.DocumentType,
      DocumentId: d.DocumentId,
      DocumentNumber: d.DocumentNumber,
      DocumentDate: dotNetDate(d.DocumentDate),
      AddressId: d.AddressId,
      Address: a ? `${a.Company}, ${a.ZipCode} ${a.City}` : '',
      LocalOpenAmount: major(localCents(d, openCents(d))),
      LocalPaidAmount: major(localCents(d, d.paidCents)),
      LocalTotalAmount: major(localCents(d, d.totalCents)),
      ForeignOpenAmount: foreign ? major(openCents(d)) : 0,
      ForeignPaidAmount: foreign ? major(d.paidCents) : 0,
      ForeignTotalAmount: foreign ? major(d.totalCents) : 0,
      ForeignCurrency: foreign ? d.currency : '',
      DueDate: dotNetDate(d.DueDate),
      Delay: String(delayOf(d)),
      DocumentCategory: 0,
    };
  }

  const methods: Record<string, (p: unknown[]) => unknown> = {
    Addresses: ([since, detail, additional]) => {
      const iso =
        typeof since === 'string' && /^\d{2}\.\d{2}\.\d{4}$/.test(since) ? since.split('.').reverse().join('-') : '';
      return state.addresses.filter((a) => !iso || a.modifiedOn >= iso).map((a) => addressRow(a, detail, additional));
    },
    Documents: ([lastId, type]) =>
      state.documents
        .filter(
          (d) =>
            d.DocumentId > (typeof lastId === 'number' ? lastId : 0) && (type === undefined || d.DocumentType === type),
        )
        .sort((x, y) => x.DocumentId - y.DocumentId)
        .slice(0, 100)
        .map(documentRow),
    AddressesPendingPayments: ([to, from]) => {
      const groups = new Map<
        string,
        { AddressId: number; DocumentType: number; OpenDocuments: number; cents: number }
      >();
      for (const d of openDocuments().filter((doc) => inInterval(doc, to, from))) {
        const key = `${d.AddressId}/${d.DocumentType}`;
        const group = groups.get(key) ?? {
          AddressId: d.AddressId,
          DocumentType: d.DocumentType,
          OpenDocuments: 0,
          cents: 0,
        };
        group.OpenDocuments += 1;
        group.cents += localCents(d, openCents(d));
        groups.set(key, group);
      }
      return [...groups.values()].map(({ cents, ...g }) => ({
        ...g,
        Address: addressById(g.AddressId)?.Company ?? '',
        Delay: '',
        LocalOpenAmount: major(cents),
      }));
    },
    AddressPendingPayments: ([addressId, first, second]) =>
      openDocuments()
        .filter((d) => d.AddressId === addressId && inInterval(d, first, second))
        .map(openItemRow),
    Folders: () => [
      {
        dos_numero: Number(login.companyId),
        dos_name: login.companyName,
        exercices: [
          {
            exc_annee: Number(login.year),
            exc_debut: `01.01.${login.year}`,
            exc_fin: `31.12.${login.year}`,
            exc_isbcl: false,
          },
        ],
      },
    ],
  };

  /** The checks WinBIZ makes of the headers, with the access errors its help center lists. */
  function refusal(headers: Headers): Response | undefined {
    const company = headers.get('winbiz-companyname');
    if (!company || !headers.get('winbiz-companyid') || !headers.get('winbiz-year')) {
      return failure(
        193,
        'Some of the following login details are missing: Name of the Company, ID of the Folder, Fiscal Year',
      );
    }
    const password = decryptPkcs1v15(privateKey, headers.get('winbiz-password') ?? '');
    if (
      !sameName(company, login.companyName) ||
      !sameName(headers.get('winbiz-username'), login.username) ||
      password !== login.password
    ) {
      return failure(314, 'One of the login details is wrong or missing');
    }
    if (headers.get('winbiz-key') !== login.key)
      return failure(335, 'This user is not authorized to use the application');
    if (headers.get('winbiz-companyid') !== login.companyId || headers.get('winbiz-year') !== login.year) {
      return failure(670, "The company selected by the user can't be found.");
    }
    return undefined;
  }

  const handlers: RequestHandler[] = [
    http.post('*/Bizinfo', async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { Method?: unknown; Parameters?: unknown };
      const method = typeof body.Method === 'string' ? body.Method : '';
      const parameters = Array.isArray(body.Parameters) ? (body.Parameters as unknown[]) : [];
      requests.push({ method, parameters, headers: Object.fromEntries(request.headers.entries()) });
      if (faults.networkError) return HttpResponse.error();
      if (faults.delayMs) await delay(faults.delayMs);
      if (faults.httpStatus)
        return new HttpResponse('WinBIZ Cloud is down for maintenance', { status: faults.httpStatus });
      if (faults.malformedJson)
        return new HttpResponse('{"ErrorsCount":0,"Value":[{"Id"', { headers: { 'content-type': 'application/json' } });
      if (faults.wrongShape) return HttpResponse.json({ ErrorsCount: 'none', Value: 'n/a' });
      if (faults.bodyError)
        return failure(faults.bodyError.code, faults.bodyError.message ?? `Error ${faults.bodyError.code}`);
      const refused = refusal(request.headers);
      if (refused) return refused;
      const run = methods[method];
      return run ? envelope(run(parameters)) : failure(109, `Unknown method ${method}`);
    }),
  ];

  return {
    handlers,
    state,
    faults,
    requests,
    login: { ...login, publicKeyPem },
    /** What WinBIZ would read from a `winbiz-password` header; undefined when it does not decrypt. */
    decryptPassword: (header: string) => decryptPkcs1v15(privateKey, header),
  };
}

export type WinbizStandIn = ReturnType<typeof createWinbizStandIn>;
