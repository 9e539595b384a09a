import { MAX_PAGE_SIZE } from './documents.schemas';
import { DocumentQuerySchema } from './documents-query.schemas';

/** The bounds of `GET /api/documents`, each pinned on both sides of its edge. */
const accepts = (query: Record<string, string>) => DocumentQuerySchema.safeParse(query).success;

describe('document query bounds', () => {
  it('takes overdueDays from 0 to 3650 days', () => {
    expect([accepts({ overdueDays: '-1' }), accepts({ overdueDays: '0' })]).toEqual([false, true]);
    expect([accepts({ overdueDays: '3650' }), accepts({ overdueDays: '3651' })]).toEqual([true, false]);
    expect(accepts({ overdueDays: '1.5' })).toBe(false);
  });

  it(`pages by 1 to ${MAX_PAGE_SIZE} documents, 50 unless asked`, () => {
    expect([accepts({ limit: '0' }), accepts({ limit: '1' })]).toEqual([false, true]);
    expect([accepts({ limit: String(MAX_PAGE_SIZE) }), accepts({ limit: String(MAX_PAGE_SIZE + 1) })]).toEqual([
      true,
      false,
    ]);
    expect(DocumentQuerySchema.parse({}).limit).toBe(50);
  });

  it('searches for at most 200 characters, counted after trimming', () => {
    expect([accepts({ q: 'x'.repeat(200) }), accepts({ q: 'x'.repeat(201) })]).toEqual([true, false]);
    expect(accepts({ q: ` ${'x'.repeat(200)} ` })).toBe(true);
  });
});
