// Money is integer minor units of an ISO 4217 currency (docs/contract.md); how many digits a unit has
// (2 for USD, 0 for JPY, 3 for KWD) is Intl's knowledge, not ours.

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Intl throws a RangeError for a code that is not three letters, which a currency field holds
 * while a person types ("E", "EU"): such a code gets a plain two-digit number instead, and the
 * field's own validation says what is wrong with it.
 */
const isWellFormedCode = (currency: string) => /^[A-Za-z]{3}$/.test(currency);

function formatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = isWellFormedCode(currency)
      ? new Intl.NumberFormat(locale, { style: 'currency', currency })
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(key, format);
  }
  return format;
}

/** Digits after the decimal point in `currency`'s minor unit. */
export function minorUnitDigits(currency: string): number {
  return formatter(currency, 'en-US').resolvedOptions().maximumFractionDigits ?? 2;
}

/** 1234 USD -> "$12.34" (in en-US); an unfinished code is shown after the number. */
export function formatMoney(minorUnits: number, currency: string, locale?: string): string {
  const amount = formatter(currency, locale).format(minorUnits / 10 ** minorUnitDigits(currency));
  const code = currency.trim();
  return isWellFormedCode(currency) || !code ? amount : `${amount} ${code}`;
}

/**
 * What a person typed in a price field ("12.34", "1,234.5", "$12") as minor units, or null when
 * it is not an amount. Exact for any number of digits: no floating point on the way.
 */
export function parseMoney(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '').replace(/^[^\d.-]+/, '');
  const digits = minorUnitDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  const whole = match[1]!;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  const value = Number(whole + fraction);
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units back to what a price field shows: 1234 USD -> "12.34". */
export function minorUnitsToInput(minorUnits: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(minorUnits);
  const text = String(minorUnits).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
