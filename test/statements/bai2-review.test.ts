import { describe, expect, it } from 'vitest';
import { readBai2 } from '../../src/statements/index.js';

const file = (detail: string, t49: string, t98: string, t99: string, close = '15000') =>
  [
    '01,SENDER,RCVR,240102,0800,1,80,1,2/',
    '02,RCVR,BANK,1,240102,,USD,2/',
    `03,123,USD,010,10000,,,015,${close},,/`,
    detail,
    `49,${t49},3/`,
    `98,${t98},1,5/`,
    `99,${t99},1,7/`,
  ].join('\n');

describe('readBai2 review findings', () => {
  it('keeps a type 890 detail as non-monetary information, not a transaction', () => {
    // Opening = closing = 100.00 (no money moves); control 10000 + 10000 + 5000 = 25000.
    const info = '16,890,5000,Z,BR1,CR1,info only/';
    const read = readBai2(file(info, '25000', '25000', '25000', '10000'));
    const f = read._unsafeUnwrap();
    expect(f.statements[0]?.transactions).toEqual([]);
    expect(f.statements[0]?.summaries).toEqual([{ code: '890', amount: '50.00' }]);
    expect(f.warnings.map((w) => w.message)).toEqual([
      'Account 123 line 4: non-monetary information (890): info only',
    ]);
  });

  it('reports a wrong 49 control total once, not again at 98 and 99', () => {
    // Records: 10000 + 15000 + 5000 = 30000; the 49 says 99999, 98 and 99 say 30000.
    const detail = '16,165,5000,Z,BR1,CR1,payment text/';
    const f = readBai2(file(detail, '99999', '30000', '30000'))._unsafeUnwrap();
    expect(f.warnings.map((w) => w.message)).toEqual([
      'Account 123 trailer 49 control total states 99999, the records give 30000',
    ]);
    // Following the wrong 49 (98 = 99999) is not a second error either.
    const g = readBai2(file(detail, '99999', '99999', '99999'))._unsafeUnwrap();
    expect(g.warnings).toHaveLength(1);
    // A 98 matching neither the 49s nor the records is reported at the 98.
    const h = readBai2(file(detail, '30000', '12345', '30000'))._unsafeUnwrap();
    expect(h.warnings.map((w) => w.message)).toEqual([
      'Group trailer 98 control total states 12345, the records give 30000',
    ]);
  });
});
