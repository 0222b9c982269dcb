/**
 * Money in Writ is always an integer number of fen (分), 1 yuan = 100 fen. Never a float: a float
 * cannot hold 0.1 yuan exactly, and the ledger must balance to the fen.
 */
export type Fen = number;

/** The largest amount Writ accepts in one figure: ¥10 trillion, well inside Number.MAX_SAFE_INTEGER. */
export const MAX_FEN: Fen = 1_000_000_000_000_000;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_FEN;
}

/** Formats fen as yuan for display, e.g. 123456 → "¥1,234.56". */
export function formatFen(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** Parses a yuan amount typed by a person ("1234.5", "1,234.56") into fen; null when it is not one. */
export function parseYuanToFen(text: string): Fen | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return isFen(fen) ? fen : null;
}
