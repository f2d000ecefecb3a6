import type { Report } from './build-report.js';

/** The report as JSON: stable field names, no colour, nothing else on stdout. */
export const renderJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;
