import type { Report } from './build-report.js';

/** A value as every JSON output writes it: two-space indent, a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The report as JSON: stable field names, no colour, nothing else on stdout. */
export const renderJson = (report: Report): string => jsonText(report);
