// CSV as RFC 4180 describes it (CRLF line ends, a header row, fields quoted when they hold a comma,
// a quote or a line break), and safe to open in a spreadsheet: text that a spreadsheet would read as
// a formula (starting with = + - @, or a tab or carriage return) is prefixed with a single quote.

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula-guarded if it is text, quoted if it needs to be. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  // Numbers and booleans are ours, never user text: a negative count stays a number.
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
