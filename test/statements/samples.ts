/** Small hand-written bank files for the reader tests. */

/** A camt.053 document of a version with the given `<Bal>` and `<Ntry>` blocks. */
export function camt053(body: string, version = '02'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-03-01T08:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>STMT-1</Id>
      <CreDtTm>2024-03-01T08:00:00</CreDtTm>
      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
${body}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

/** A camt balance block. */
export function bal(code: string, amount: string, ind = 'CRDT', date = '2024-03-01'): string {
  return `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${amount}</Amt>
<CdtDbtInd>${ind}</CdtDbtInd><Dt><Dt>${date}</Dt></Dt></Bal>`;
}

/** A camt entry block with optional inner XML (references, details). */
export function ntry(amount: string, ind: string, inner = '', extra = ''): string {
  return `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>${ind}</CdtDbtInd>${extra}
<Sts>BOOK</Sts><BookgDt><Dt>2024-03-01</Dt></BookgDt><ValDt><Dt>2024-03-01</Dt></ValDt>
${inner}</Ntry>`;
}

/** A `TxDtls` of a credit with debtor, IBAN, remittance and optional amount. */
export function credit(opts: {
  amount?: string;
  endToEnd?: string;
  ustrd?: string[];
  ref?: { code?: string; prtry?: string; value: string };
  name?: string;
  pty?: boolean;
}): string {
  const name = opts.name ?? 'Acme GmbH';
  const dbtr = opts.pty
    ? `<Dbtr><Pty><Nm>${name}</Nm></Pty></Dbtr>`
    : `<Dbtr><Nm>${name}</Nm></Dbtr>`;
  const tp = opts.ref?.code
    ? `<Tp><CdOrPrtry><Cd>${opts.ref.code}</Cd></CdOrPrtry></Tp>`
    : opts.ref?.prtry
      ? `<Tp><CdOrPrtry><Prtry>${opts.ref.prtry}</Prtry></CdOrPrtry></Tp>`
      : '';
  const strd = opts.ref
    ? `<Strd><CdtrRefInf>${tp}<Ref>${opts.ref.value}</Ref></CdtrRefInf></Strd>`
    : '';
  const ustrd = (opts.ustrd ?? []).map((u) => `<Ustrd>${u}</Ustrd>`).join('');
  return `<TxDtls>
<Refs>${opts.endToEnd ? `<EndToEndId>${opts.endToEnd}</EndToEndId>` : ''}</Refs>
${opts.amount ? `<Amt Ccy="EUR">${opts.amount}</Amt>` : ''}
<RltdPties>${dbtr}<DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf>${ustrd}${strd}</RmtInf></TxDtls>`;
}

/** An MT940 statement from `:61:`/`:86:` lines between an opening and closing balance. */
export function mt940(
  lines: string,
  opening = 'C231229EUR1000,00',
  closing = 'C240102EUR1000,00',
): string {
  const head = ':20:STARTUMS\n:25:10020030/1234567\n:28C:1/1';
  return `${head}\n:60F:${opening}\n${lines}\n:62F:${closing}\n-`;
}
