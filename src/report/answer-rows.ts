/**
 * Saved or used answers as label/value rows in the reader's language: for
 * `profile show`, the "use last time's answers?" question and the HTML checklist. Pure.
 */
import type { Messages, NameContext } from '../i18n/messages.js';

export type AnswerStrings = Record<string, string | string[] | undefined>;

const ORDER = [
  'level',
  'education',
  'major',
  'studyMode',
  'graduated',
  'enrolled',
  'degrees',
  'work',
  'certificates',
  'province',
  'hukou',
];

const list = (value: string | string[]) =>
  (Array.isArray(value) ? value : value.split(/[;,，；]\s*/)).map((v) => v.trim()).filter(Boolean);

export function answerRows(
  answers: AnswerStrings,
  messages: Messages,
  names: Pick<NameContext, 'province'>,
): [string, string][] {
  const { labels, ui } = messages;
  const none = (items: string[]) =>
    items.length === 0 || (items.length === 1 && items[0] === 'none') ? [ui.answerNone] : items;
  const period = (spec: string) => {
    const [start = '', end = ''] = spec.split('..');
    return end ? (start ? `${start} – ${end}` : end) : `${start} ${ui.answerOngoing}`.trim();
  };
  const value = (key: string, raw: string | string[]): string => {
    const one = Array.isArray(raw) ? raw.join(', ') : raw;
    switch (key) {
      case 'level':
      case 'education':
      case 'major':
      case 'studyMode':
        return (labels as unknown as Record<string, Record<string, string>>)[key]?.[one] ?? one;
      case 'province':
      case 'hukou':
        return names.province(one);
      case 'work':
        return ui.enumerate(none(list(raw)).map((p) => (p === ui.answerNone ? p : period(p))));
      case 'certificates':
        return ui.enumerate(
          none(list(raw)).map((c) => {
            const [level = '', month = ''] = c.split(':');
            return labels.certificate[level] ? `${labels.certificate[level]} ${month}` : c;
          }),
        );
      case 'degrees':
        return none(list(raw))
          .map((d) => {
            const [education = '', major = '', mode = '', when = ''] = d.split(':');
            return labels.education[education]
              ? `${labels.education[education]} ${labels.major[major] ?? major} ${labels.studyMode[mode] ?? mode} ${period(when)}`
              : d;
          })
          .join(ui.listSeparator);
      default:
        return one;
    }
  };
  return ORDER.filter((key) => answers[key] !== undefined && answers[key] !== '').map((key) => [
    ui.answerLabels[key] ?? key,
    value(key, answers[key]!),
  ]);
}
