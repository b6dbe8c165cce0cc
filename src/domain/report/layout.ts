import type { Risk } from '../review/risk';

/** Typesetting rules for reports that need no PDF library: labels, colours, contents lines. */

export const RISK_LABELS: Record<Risk, string> = {
  HIGH: 'High risk',
  MEDIUM: 'Medium risk',
  NONE: 'No risk',
  NOT_APPLICABLE: 'Not applicable',
  UNANSWERED: 'Unanswered',
};

/** Worst first: the order of report tables and chart segments, so the eye reads risk from the left. */
export const REPORT_RISK_ORDER: readonly Risk[] = ['HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE', 'UNANSWERED'];

export const RISK_COLORS: Record<Risk, string> = {
  HIGH: '#d13212',
  MEDIUM: '#e07b00',
  NONE: '#1d8102',
  NOT_APPLICABLE: '#7d8998',
  UNANSWERED: '#b6bec9',
};

/**
 * A contents line: the title (shortened with an ellipsis when it would run
 * into the page number) followed by dot leaders up to the number.
 */
export function tocLine(title: string, page: number, widthOf: (s: string) => number, width: number) {
  const numberRoom = widthOf(` ${page}`) + 6;
  let shown = title;
  while (shown.length > 1 && widthOf(shown) > width - numberRoom - 20) shown = shown.slice(0, -1);
  if (shown !== title) shown = `${shown.trimEnd()}…`;
  const titleWidth = widthOf(`${shown} `);
  const dot = widthOf('.') || 1;
  const dots = Math.max(0, Math.floor((width - titleWidth - numberRoom) / dot));
  return { title: `${shown} `, titleWidth, leader: '.'.repeat(dots) };
}

/** Dates as a reader expects them on paper: 2026-11-25 07:24 UTC. */
export function reportDate(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
