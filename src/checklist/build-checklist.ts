/**
 * The readiness checklist: what this candidate must do, in order, from eligibility to
 * continuing education. Pure: answers, verdict, dates and rules in; items with ids and numbers out.
 * The items are built by the list in ./items.ts; here they are marked missed once their window closed.
 */
import type { EventId } from '../model/calendar.js';
import type { ChecklistItem } from '../model/report.js';
import { buildItems, type ChecklistInput } from './items.js';

export { examFee, type ChecklistInput } from './items.js';

export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const { events, today } = input;
  const items = buildItems(input);
  // The last day each item can still be done: the end of the window it belongs to.
  const closes: Record<string, EventId> = {
    'materials.photo': 'registration',
    'materials.education-verification': 'registration',
    'registration.account': 'registration',
    'registration.commitment': 'registration',
    'registration.window': 'registration',
    'registration.fee': 'payment',
    'exam.admission-ticket': 'admission-ticket',
    'after.review': 'post-exam-review',
    'after.evaluation': 'senior-review',
  };
  const marked = items.map((item): ChecklistItem => {
    const window = events.find((e) => e.id === closes[item.id]);
    const closed = window !== undefined && window.end < today;
    return (item.status === 'todo' || item.status === 'blocked') && closed && item.id !== 'after.evaluation'
      ? { ...item, status: 'missed', args: { ...item.args, closed: window.end, closedEstimated: window.estimated } }
      : item;
  });
  // Registration for this year has closed: the exam and what follows it are no longer to-dos.
  const missedRegistration = marked.some((item) => item.id === 'registration.window' && item.status === 'missed');
  return missedRegistration
    ? marked.map((item) =>
        (item.group === 'exam' || item.group === 'after') && item.status === 'todo'
          ? { ...item, status: 'info' }
          : item,
      )
    : marked;
}

/**
 * Open items: a closed registration first (it decides what to do next), then the other missed and
 * blocked ones in checklist order, then to-dos by deadline (undated last).
 */
export function openItems(items: ChecklistItem[]): ChecklistItem[] {
  const closed = items.filter((item) => item.id === 'registration.window' && item.status === 'missed');
  const blocked = items.filter(
    (item) => (item.status === 'missed' || item.status === 'blocked') && !closed.includes(item),
  );
  // An eligibility still to settle (an answer is missing) comes before every date.
  const todo = items.filter((item) => item.status === 'todo');
  const first = (item: ChecklistItem) => (item.group === 'eligibility' ? 0 : 1);
  return [
    ...closed,
    ...blocked,
    ...todo.sort((a, b) => first(a) - first(b) || (a.due ?? '9999').localeCompare(b.due ?? '9999')),
  ];
}
